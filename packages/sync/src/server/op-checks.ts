import { type FieldIssue, SurveySessionInputSchema, schemaIssues } from '@quartiersatlas/domain';
import { RecordChangesSchema, type SyncOpType, UpdateSessionOpSchema } from '../protocol.ts';

/** An op as the push envelope lets it through: the payload is not checked yet. */
export interface UncheckedOp {
  type: SyncOpType;
  recordId: string;
  baseVersion: number | null;
  payload: unknown;
}

function idIssues(payload: unknown, recordId: string): FieldIssue[] {
  const id = (payload as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id.toLowerCase() === recordId.toLowerCase()) return [];
  return [{ field: 'id', code: 'ID_MISMATCH', message: "must equal the op's recordId" }];
}

/**
 * What is wrong with one op before it meets any stored state: its base version and the shape of its
 * payload, per type. A record create's properties are checked later, against the taxonomy. Field
 * names are relative to the payload (`properties.name`), except `baseVersion`; a wrong payload as
 * a whole is `payload`.
 */
export function opShapeIssues(op: UncheckedOp): FieldIssue[] {
  if (op.baseVersion !== null && op.type !== 'update' && op.type !== 'delete') {
    return [{ field: 'baseVersion', code: 'INVALID_CONST', message: `must be null for a ${op.type} op` }];
  }
  switch (op.type) {
    case 'create':
      // parseRecord reports a missing or malformed id itself.
      return typeof (op.payload as { id?: unknown } | null)?.id === 'string' ? idIssues(op.payload, op.recordId) : [];
    case 'update':
      return schemaIssues(RecordChangesSchema, op.payload);
    case 'delete':
      return op.payload === null ? [] : [{ field: 'payload', code: 'INVALID_CONST', message: 'must be null' }];
    case 'create-session': {
      const issues = schemaIssues(SurveySessionInputSchema, op.payload);
      return issues.length > 0 ? issues : idIssues(op.payload, op.recordId);
    }
    case 'update-session':
      return schemaIssues(UpdateSessionOpSchema.properties.payload, op.payload);
  }
}

/** The kind a create op names, for the role check before anything else is read. */
export function createdKind(op: UncheckedOp): unknown {
  if (op.type !== 'create') return undefined;
  return (op.payload as { properties?: { kind?: unknown } } | null)?.properties?.kind;
}

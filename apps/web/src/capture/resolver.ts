import { parseRecord, type RecordKind, type Taxonomy } from '@quartiersatlas/domain';
import type { Resolver } from 'react-hook-form';
import { buildFeature } from './build-feature.ts';
import { issuesToErrors } from './field-issues.ts';
import type { RecordFormValues } from './form-values.ts';

/** What the resolver needs besides the values; react-hook-form passes the current one on every run. */
export interface RecordResolverContext {
  kind: RecordKind;
  id: string;
  taxonomy: Taxonomy;
  /** Stored values the form shows but does not edit (a need's supporters). */
  keep?: Record<string, unknown>;
}

/**
 * Validates the form exactly as the server will: it builds the record feature and runs the domain's
 * `parseRecord`, so the form can never accept what sync would later have rejected.
 */
export const recordResolver: Resolver<RecordFormValues, RecordResolverContext> = (values, context) => {
  if (!context) throw new Error('recordResolver needs the form context { kind, id, taxonomy }');
  const feature = buildFeature(context.kind, context.id, values, context.keep);
  const parsed = parseRecord(feature, context.taxonomy);
  if (parsed.ok) return { values, errors: {} };
  return { values: {}, errors: issuesToErrors(parsed.issues, values) };
};

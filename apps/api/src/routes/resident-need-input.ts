import { type FieldIssue, parseRecord, type ValidRecord } from '@quartiersatlas/domain';
import type { Db, ResidentLinksTable } from '../db/schema.ts';
import { invalidInput } from '../errors.ts';
import { quarterAt, refused } from '../store/resident-needs.ts';
import { getTaxonomy } from '../store/taxonomy.ts';
import { checkReferences } from './records.ts';

/**
 * Fields of a need that belong to the team, not to a resident: `note` holds the team's remarks,
 * `supporters` the "+1" count of a Quartierszirkel.
 */
const TEAM_FIELDS = ['note', 'supporters'] as const;

/**
 * A resident's feature checked like any record (parseRecord, checkReferences), as a need of the
 * link's survey: no other kind, no team fields. Quarter and session come from the link and the
 * point, never from the phone: the quarter holding the point, else the link's; the link's survey
 * session when the need lies in the link's quarter. Field names start with `feature.`.
 */
export async function parseResidentNeed(db: Db, feature: unknown, link: ResidentLinksTable): Promise<ValidRecord> {
  const input = feature as { properties?: Record<string, unknown> };
  const properties = input.properties ?? {};
  if (properties.kind !== 'need') {
    throw refused('feature.properties.kind', 'NOT_A_NEED', 'residents can only send needs ("need")');
  }
  const issues: FieldIssue[] = TEAM_FIELDS.filter((name) => properties[name] !== undefined).map((name) => ({
    field: `feature.properties.${name}`,
    code: 'NOT_ALLOWED',
    message: 'is kept by the planning team; write in "text" instead',
  }));
  if (issues.length > 0) throw invalidInput(issues);
  const parsed = parseRecord(
    { ...input, properties: { ...properties, quarterId: link.quarter_id, sessionId: null } },
    await getTaxonomy(db),
  );
  if (!parsed.ok) {
    throw invalidInput(
      parsed.issues.map((issue) => ({ ...issue, field: issue.field ? `feature.${issue.field}` : 'feature' })),
    );
  }
  const record = parsed.value;
  const [lon, lat] = record.geometry.coordinates as [number, number];
  record.quarterId = await quarterAt(db, lon, lat, link.quarter_id);
  record.sessionId = record.quarterId === link.quarter_id ? link.session_id : null;
  await checkReferences(db, record);
  return record;
}

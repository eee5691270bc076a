import type { RecordKind, RecordStatus, Role } from '@quartiersatlas/domain';

/** Planners and admins see and change everything, including moderation and conflicts. */
export function isStaff(role: Role): boolean {
  return role === 'admin' || role === 'planner';
}

export interface Viewer {
  role: Role;
  accountId: string;
}

/**
 * Which records a caller may see. Everyone sees what they created (a resident's need waiting for
 * moderation stays on their phone). Otherwise non-staff see published records only; residents do
 * not see needs (published needs reach the public only with coarsened locations, which sync does
 * not ship yet). A record a caller may not see behaves as absent for them, in pushes and in pulls.
 */
export function canSeeRecord(
  viewer: Viewer,
  record: { status: RecordStatus; kind: RecordKind; createdBy: string | null },
): boolean {
  if (isStaff(viewer.role) || record.createdBy === viewer.accountId) return true;
  if (record.status !== 'published') return false;
  return viewer.role !== 'resident' || record.kind !== 'need';
}

/** Residents may only add needs, which wait for moderation; every other op is for the team. */
export function mayPushOp(role: Role, type: string, kind: unknown): boolean {
  if (role !== 'resident') return true;
  return type === 'create' && kind === 'need';
}

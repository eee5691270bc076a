import { RECORD_KINDS, type RecordKind, type Role } from '@quartiersatlas/domain';

/** The screens of the signed-in app; the analysis workspace comes with its own issue. */
export type ShellView = 'overview' | 'capture' | 'records' | 'supporters';

/**
 * Field teams capture; planners and admins start at the overview and capture at the desk too;
 * residents only voice needs. The supporters board is for Quartierszirkel meetings.
 */
export function viewsFor(role: Role, quartierszirkel: boolean): ShellView[] {
  if (role === 'resident') return ['capture'];
  const views: ShellView[] = ['capture', 'records'];
  if (quartierszirkel) views.push('supporters');
  if (role === 'planner' || role === 'admin') views.unshift('overview');
  return views;
}

export function startView(role: Role): ShellView {
  return role === 'planner' || role === 'admin' ? 'overview' : 'capture';
}

/** The record kinds a role may create; residents submit needs (which wait for moderation). */
export function captureKinds(role: Role): RecordKind[] {
  return role === 'resident' ? ['need'] : [...RECORD_KINDS];
}

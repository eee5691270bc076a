import { RECORD_KINDS, type RecordKind, type Role } from '@quartiersatlas/domain';

/** The screens of the signed-in app. */
export type ShellView = 'overview' | 'analysis' | 'review' | 'data' | 'capture' | 'records' | 'supporters';

/**
 * Field teams capture; planners and admins start at the overview, analyse gaps, review what
 * residents and devices sent, import and export, and capture at the desk too;
 * residents only voice needs. The supporters board is for Quartierszirkel meetings.
 */
export function viewsFor(role: Role, quartierszirkel: boolean): ShellView[] {
  if (role === 'resident') return ['capture'];
  const views: ShellView[] = ['capture', 'records'];
  if (quartierszirkel) views.push('supporters');
  if (role === 'planner' || role === 'admin') views.unshift('overview', 'analysis', 'review', 'data');
  return views;
}

export function startView(role: Role): ShellView {
  return role === 'planner' || role === 'admin' ? 'overview' : 'capture';
}

/** The record kinds a role may create; residents submit needs (which wait for moderation). */
export function captureKinds(role: Role): RecordKind[] {
  return role === 'resident' ? ['need'] : [...RECORD_KINDS];
}

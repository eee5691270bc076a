import { brownfieldGeometry, geometryIssues, vacancyGeometry } from '@quartiersatlas/domain';
import turfArea from '@turf/area';
import type { Position } from './types.ts';

/** The issue codes the drawing panel explains; others (never expected from a drawing) read as "check the shape". */
export const DRAFT_ISSUE_CODES = [
  'SELF_INTERSECTION',
  'AREA_TOO_SMALL',
  'AREA_TOO_LARGE',
  'TOO_MANY_POSITIONS',
] as const;
export type DraftIssueCode = (typeof DRAFT_ISSUE_CODES)[number] | 'INVALID_SHAPE';

export function closedRing(corners: readonly Position[]): Position[] {
  const first = corners[0];
  return first ? [...corners, [first[0], first[1]]] : [];
}

/** Area in m² of the polygon the corners span, or null below three corners. */
export function draftArea(corners: readonly Position[]): number | null {
  if (corners.length < 3) return null;
  return turfArea({ type: 'Polygon', coordinates: [closedRing(corners)] });
}

/**
 * What the domain would reject about this outline, checked live while drawing with the same rules
 * the server applies to vacancies or brownfield sites (self-intersection, area bounds).
 */
export function draftIssues(corners: readonly Position[], kind: 'vacancy' | 'brownfield'): DraftIssueCode[] {
  if (corners.length < 3) return [];
  const rules = kind === 'vacancy' ? vacancyGeometry : brownfieldGeometry;
  const issues = geometryIssues({ type: 'Polygon', coordinates: [closedRing(corners)] }, rules);
  const codes = issues.map((issue) =>
    (DRAFT_ISSUE_CODES as readonly string[]).includes(issue.code) ? (issue.code as DraftIssueCode) : 'INVALID_SHAPE',
  );
  return [...new Set(codes)];
}

/** The draft as map features: the open path while drawing, the closed polygon from three corners on. */
export function draftFeatures(corners: readonly Position[]) {
  const features: Array<{
    type: 'Feature';
    properties: Record<string, never>;
    geometry: { type: 'LineString'; coordinates: Position[] } | { type: 'Polygon'; coordinates: Position[][] };
  }> = [];
  if (corners.length >= 3) {
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [closedRing(corners)] },
    });
  } else if (corners.length === 2) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...corners] } });
  }
  return { type: 'FeatureCollection' as const, features };
}

/**
 * Areas read in m² up to a hectare's worth, then in hectares (how planners and the city talk about
 * sites). Formatted for the language, e.g. "1.234" in German, "١٬٢٣٤" in Arabic.
 */
export function formatArea(m2: number, language: string): { unit: 'm2' | 'ha'; value: string } {
  if (m2 < 10_000) {
    return { unit: 'm2', value: new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(m2) };
  }
  const ha = m2 / 10_000;
  const digits = ha < 100 ? 2 : 1;
  return { unit: 'ha', value: new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(ha) };
}

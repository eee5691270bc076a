import type { GapAnalysisResult, GapSummary, QuarterMeasures } from '@quartiersatlas/gap';

/** A figure before and after the hypothetical services were added. */
export interface Change {
  before: number | null;
  after: number | null;
}

export interface QuarterChange {
  id: string;
  name: string;
  coverage: Change;
  deficit: Change;
}

export interface WhatIfFigures {
  coverage: Change;
  deficit: Change;
  supplyPer1000: Change;
  unreachable: Change;
  /** People of the group who had no service within the cutoff and now have one. */
  newlyInReach: number;
  /** People who were not served at the target and now are (the deficit that went away). */
  newlyServed: number;
  quarters: QuarterChange[];
}

/** The id prefix the API gives hypothetical services in a what-if result (`what-if-1`, …). */
export const WHAT_IF_PREFIX = 'what-if-';

/** 1 for `what-if-1` …; null for the id of a stored service. */
export function hypotheticalNumber(serviceId: string | null): number | null {
  if (!serviceId?.startsWith(WHAT_IF_PREFIX)) return null;
  const n = Number(serviceId.slice(WHAT_IF_PREFIX.length));
  return Number.isInteger(n) && n > 0 ? n : null;
}

function change(before: GapSummary | QuarterMeasures, after: GapSummary | QuarterMeasures | undefined) {
  return (field: 'coverageShare' | 'deficit' | 'supplyPer1000' | 'unreachablePopulation'): Change => ({
    before: before[field],
    after: after ? after[field] : null,
  });
}

/** The numbers the what-if panel shows: the whole area and each quarter, before → after. */
export function compareResults(before: GapAnalysisResult, after: GapAnalysisResult): WhatIfFigures {
  const whole = change(before.summary, after.summary);
  const positive = (value: number) => (value > 1e-9 ? value : 0);
  return {
    coverage: whole('coverageShare'),
    deficit: whole('deficit'),
    supplyPer1000: whole('supplyPer1000'),
    unreachable: whole('unreachablePopulation'),
    newlyInReach: positive(before.summary.unreachablePopulation - after.summary.unreachablePopulation),
    newlyServed: positive(before.summary.deficit - after.summary.deficit),
    quarters: before.quarters.map((quarter) => {
      const of = change(
        quarter,
        after.quarters.find((item) => item.id === quarter.id),
      );
      return { id: quarter.id, name: quarter.name, coverage: of('coverageShare'), deficit: of('deficit') };
    }),
  };
}

import { useCallback } from 'react';
import type { QuarterCollection } from '../api/endpoints.ts';
import { setMeta, useMeta } from '../data/index.ts';

export const ACTIVE_QUARTER_KEY = 'activeQuarterId';

/** The chosen quarter if it still exists, else the first one the API lists. */
export function pickQuarter(quarters: QuarterCollection, stored: string | null | undefined): string | undefined {
  if (stored && quarters.features.some((quarter) => quarter.id === stored)) return stored;
  return quarters.features[0]?.id;
}

/** The quarter the signed-in views work in; kept on the device so the next start opens it again. */
export function useActiveQuarter(quarters: QuarterCollection): [string | undefined, (quarterId: string) => void] {
  const stored = useMeta<string>(ACTIVE_QUARTER_KEY);
  const choose = useCallback((quarterId: string) => {
    void setMeta(ACTIVE_QUARTER_KEY, quarterId);
  }, []);
  return [pickQuarter(quarters, stored), choose];
}

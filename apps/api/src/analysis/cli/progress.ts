import type { ProgressFn } from '@quartiersatlas/gap';

/** Runs shorter than this print no progress at all. */
const QUIET_MS = 1000;
/** At most one progress line per this interval. */
const EVERY_MS = 1000;

/**
 * Progress lines on stderr for long runs ("[analyze] building the cost matrix: 40%"), one per
 * second at most and none in the first second, so short runs stay silent.
 */
export function progressLines(write: (line: string) => void, now: () => number = Date.now) {
  const started = now();
  let last = started;
  return (stage: string): ProgressFn =>
    (done, total) => {
      const t = now();
      if (t - started < QUIET_MS || t - last < EVERY_MS) return;
      last = t;
      write(`[analyze] ${stage}: ${Math.floor((100 * done) / Math.max(total, 1))}% (${done} of ${total})`);
    };
}

import { describe, expect, it } from 'vitest';
import { progressLines } from './progress.ts';

describe('progressLines', () => {
  it('stays silent in the first second, then reports at most once a second', () => {
    let now = 0;
    const lines: string[] = [];
    const stage = progressLines(
      (line) => lines.push(line),
      () => now,
    );
    const report = stage('distances');
    report(10, 100);
    now = 900;
    report(50, 100);
    expect(lines).toEqual([]);
    now = 1200;
    report(60, 100);
    now = 1700;
    report(80, 100);
    now = 2300;
    report(100, 100);
    expect(lines).toEqual(['[analyze] distances: 60% (60 of 100)', '[analyze] distances: 100% (100 of 100)']);
  });
});

import { describe, expect, it } from 'vitest';
import { sceneResult } from './test-result.ts';
import { capacityValid, requestOf, signatureOf } from './use-what-if.ts';
import { compareResults, hypotheticalNumber } from './what-if.ts';

describe('what-if figures before → after', () => {
  // The engine with a second store on the far vacancy: what the API's what-if computes.
  const before = sceneResult();
  const after = sceneResult({ extraStores: [[2550, 100]] });
  const figures = compareResults(before, after);

  it('counts the people who get a service within reach and the deficit that goes away', () => {
    expect(figures.unreachable).toEqual({ before: 1450, after: 0 });
    expect(figures.newlyInReach).toBe(1450);
    expect(figures.deficit.before).toBeCloseTo(2250, 6);
    expect(figures.deficit.after).toBeCloseTo(800, 6);
    expect(figures.newlyServed).toBeCloseTo(1450, 6);
    expect(figures.coverage.before).toBeCloseTo(2800 / 4250, 12);
    expect(figures.coverage.after).toBe(1);
    expect(figures.supplyPer1000.after).toBeGreaterThan(figures.supplyPer1000.before ?? 0);
  });

  it('compares each quarter with itself', () => {
    expect(figures.quarters.map((quarter) => [quarter.id, quarter.coverage])).toEqual([
      ['near', { before: 1, after: 1 }],
      ['far', { before: 0, after: 1 }],
    ]);
  });

  it('never reports people newly served when a what-if changes nothing', () => {
    const same = compareResults(before, before);
    expect(same.newlyInReach).toBe(0);
    expect(same.newlyServed).toBe(0);
  });

  it('recognises the ids the API gives hypothetical services', () => {
    expect(hypotheticalNumber('what-if-3')).toBe(3);
    expect(hypotheticalNumber('0196f3a2-7c1e-7d40-9a51-3f0c2b8e4d17')).toBeNull();
    expect(hypotheticalNumber(null)).toBeNull();
  });
});

describe('the what-if request', () => {
  const services = [
    { key: 'h1', lon: 7.47, lat: 51.55, capacity: '', siteId: '0196f3a2-7c1e-7d40-9a51-3f0c2b8e4d17' },
    { key: 'h2', lon: 7.48, lat: 51.56, capacity: '45,5' },
  ];

  it('sends coordinates, the site and a capacity only when one was typed', () => {
    expect(requestOf(services)).toEqual([
      { lon: 7.47, lat: 51.55, siteId: '0196f3a2-7c1e-7d40-9a51-3f0c2b8e4d17' },
      { lon: 7.48, lat: 51.56, capacity: 45.5 },
    ]);
  });

  it('accepts an empty capacity or one above 0', () => {
    expect(['', ' ', '12', '0,5'].every(capacityValid)).toBe(true);
    expect(['0', '-3', 'viele'].some(capacityValid)).toBe(false);
  });

  it('tells a changed list from the one that was computed', () => {
    expect(signatureOf(services)).toBe(signatureOf([...services]));
    expect(signatureOf(services)).not.toBe(signatureOf(services.slice(0, 1)));
  });
});

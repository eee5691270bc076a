import { expect, it } from 'vitest';
import { foldText, recordMatches } from './search.ts';
import type { LocalRecord } from './types.ts';

it('folds case and accents in every script we support', () => {
  expect(foldText('Çiçek İŞ Ärztin')).toBe('cicek is arztin');
  expect(foldText('КИЇВ')).toBe(foldText('київ'));
});

it('matches every word in the record text or in the extra labels', () => {
  const record = {
    feature: { properties: { kind: 'vacancy', quarterId: 'eving', formerUse: 'Drogerie', address: 'Deutsche Str. 5' } },
  } as unknown as LocalRecord;
  expect(recordMatches(record, 'drogerie deutsche')).toBe(true);
  expect(recordMatches(record, 'drogerie kita')).toBe(false);
  expect(recordMatches(record, 'leerstand', ['Leerstand'])).toBe(true);
  expect(recordMatches(record, '  ')).toBe(true);
});

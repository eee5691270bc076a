import type { LocalRecord } from './types.ts';

/** The record's own words: what people type to find it again. */
export const SEARCH_FIELDS = ['name', 'text', 'note', 'formerUse', 'address', 'interimUse'] as const;

/** Lower case without accents, so "eving" finds "Èving" and "sokak" finds "SOKAK"; "İ" becomes "i". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether every word of `query` occurs in the record's text fields or in `extra` (e.g. the translated
 * category label the list shows). An empty query matches everything.
 */
export function recordMatches(record: LocalRecord, query: string, extra: readonly string[] = []): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const properties = record.feature.properties;
  const texts = SEARCH_FIELDS.map((field) => properties[field]).filter((value) => typeof value === 'string');
  const haystack = foldText([...texts, ...extra].join('\n'));
  return words.every((word) => haystack.includes(word));
}

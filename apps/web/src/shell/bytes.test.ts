import { describe, expect, it } from 'vitest';
import { exportFileName, formatBytes } from './bytes.ts';

describe('formatBytes', () => {
  it('picks a unit people know and keeps one decimal for small values', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte');
    expect(formatBytes(3_400_000, 'en')).toBe('3.4 MB');
    expect(formatBytes(1_234_000_000, 'en')).toBe('1.2 GB');
    expect(formatBytes(512_000_000, 'en')).toBe('512 MB');
  });

  it('writes numbers the way the language does', () => {
    expect(formatBytes(3_400_000, 'de')).toBe('3,4 MB');
  });
});

describe('exportFileName', () => {
  it('carries the date so exports sort and never overwrite each other by day', () => {
    expect(exportFileName(new Date(2025, 4, 14, 23, 30))).toBe('quartiersatlas-2025-05-14.json');
  });
});

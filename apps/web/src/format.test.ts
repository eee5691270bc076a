import { describe, expect, it } from 'vitest';
import { errorKey, isLabelKey } from './format.ts';

describe('errorKey', () => {
  it('uses the translation for a known API code', () => {
    expect(errorKey('INVALID_CREDENTIALS')).toBe('error.INVALID_CREDENTIALS');
    expect(errorKey('network')).toBe('error.network');
  });

  it('falls back to the general message for a code without a translation', () => {
    expect(errorKey('SOMETHING_NEW')).toBe('error.unknown');
    expect(errorKey('toString')).toBe('error.unknown');
  });
});

describe('isLabelKey', () => {
  it('accepts only field and category keys that have a translation', () => {
    expect(isLabelKey('category.kita')).toBe(true);
    expect(isLabelKey('field.care')).toBe(true);
    expect(isLabelKey('category.unknown_thing')).toBe(false);
    expect(isLabelKey('error.INTERNAL')).toBe(false);
    expect(isLabelKey('category.kita.extra')).toBe(false);
  });
});

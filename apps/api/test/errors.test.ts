import { sourceMessages } from '@quartiersatlas/i18n';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../src/errors.ts';

describe('error catalogue', () => {
  it('has a translation for every code the API can answer with', () => {
    const translated = Object.keys(sourceMessages.error);
    const missing = Object.keys(ERRORS).filter((code) => !translated.includes(code));
    expect(missing).toEqual([]);
  });
});

import type { Messages } from '@quartiersatlas/i18n';
import { sourceMessages } from '@quartiersatlas/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type ErrorKey = `error.${keyof Messages['error'] & string}`;
type LabelKey = `field.${keyof Messages['field'] & string}` | `category.${keyof Messages['category'] & string}`;

/** `error.<CODE>` for codes we have a text for; anything else reads as "something went wrong". */
export function errorKey(code: string): ErrorKey {
  return Object.hasOwn(sourceMessages.error, code) ? (`error.${code}` as ErrorKey) : 'error.unknown';
}

/** Taxonomy label keys come from data; only known ones may reach `t()`. */
export function isLabelKey(key: string): key is LabelKey {
  const [group, id, ...rest] = key.split('.');
  if (id === undefined || rest.length > 0) return false;
  if (group === 'field') return Object.hasOwn(sourceMessages.field, id);
  if (group === 'category') return Object.hasOwn(sourceMessages.category, id);
  return false;
}

/** Number formatters for the current language (Arabic, Ukrainian etc. group digits differently). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const metres = new Intl.NumberFormat(language, { style: 'unit', unit: 'meter', unitDisplay: 'short' });
    return {
      number: (value: number) => number.format(value),
      distance: (valueM: number) => metres.format(valueM),
    };
  }, [language]);
}

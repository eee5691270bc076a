import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import { type Messages, sourceMessages } from '@quartiersatlas/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLabelKey } from '../format.ts';

type Group<K extends keyof Messages> = keyof Messages[K] & string;

function known<K extends keyof Messages>(group: K, id: string): id is Group<K> {
  return Object.hasOwn(sourceMessages[group], id);
}

/**
 * Names and formats for the figures of the overview and the report, in the reader's language. Ids
 * the locales do not know (a category added to the taxonomy later, a language tag a resident
 * typed) show as they are rather than as nothing.
 */
export function useLabels(taxonomy: Taxonomy) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' });
    let languages: Intl.DisplayNames | null = null;
    try {
      languages = new Intl.DisplayNames(language, { type: 'language' });
    } catch {
      // Engines without DisplayNames show the tag itself.
    }
    return {
      category(id: string): string {
        const category = findCategory(taxonomy, id);
        return category && isLabelKey(category.labelKey) ? t(category.labelKey) : id;
      },
      categoryIcon(id: string): string {
        return findCategory(taxonomy, id)?.icon ?? 'service';
      },
      language(tag: string): string {
        if (tag === 'und' || tag === '') return t('report.languageUnknown');
        try {
          return languages?.of(tag) ?? tag;
        } catch {
          return tag;
        }
      },
      targetGroup: (id: string) => (known('targetGroup', id) ? t(`targetGroup.${id}`) : id),
      sessionKind: (id: string) => (isSessionKind(id) ? t(`sessions.kind.${id}`) : id),
      method: (id: string) => (isMethod(id) ? t(`report.method.${id}`) : id),
      number: (value: number) => number.format(value),
      decimal: (value: number) => decimal.format(value),
      /** Shares 0 … 1; null (nobody lives there) reads as a dash. */
      percent: (value: number | null) => (value === null ? '–' : percent.format(value)),
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [language, t, taxonomy]);
}

export type Labels = ReturnType<typeof useLabels>;

function isSessionKind(id: string): id is keyof Messages['sessions']['kind'] & string {
  return Object.hasOwn(sourceMessages.sessions.kind, id);
}

function isMethod(id: string): id is keyof Messages['report']['method'] & string {
  return Object.hasOwn(sourceMessages.report.method, id);
}

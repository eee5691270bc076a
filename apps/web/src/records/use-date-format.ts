import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Date and time in the reader's language and its digits (Arabic-Indic in Arabic, for example). */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric' });
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (value: Date | string) => date.format(new Date(value)),
      time: (iso: string) => time.format(new Date(iso)),
    };
  }, [language]);
}

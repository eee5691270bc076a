import type { SurveySession } from '@quartiersatlas/domain';
import { isRtl, LANGUAGES } from '@quartiersatlas/i18n';
import { useMemo } from 'react';
import type { QuarterCollection } from '../api/endpoints.ts';

export interface LinkNames {
  quarter(id: string): string;
  /** The session's title, or null for a link that belongs to no session. */
  session(id: string | null): string | null;
}

/** Names of the quarters and survey sessions that links refer to by id. */
export function useLinkNames(quarters: QuarterCollection, sessions: readonly SurveySession[]): LinkNames {
  return useMemo(
    () => ({
      quarter: (id: string) => quarters.features.find((quarter) => quarter.id === id)?.properties.name ?? id,
      session: (id: string | null) => (id === null ? null : (sessions.find((s) => s.id === id)?.title ?? null)),
    }),
    [quarters, sessions],
  );
}

/** Languages by their own names in their own script ("Deutsch · Türkçe · العربية"), in the app's order. */
export function LanguageNames({ codes }: { codes: readonly string[] }) {
  const shown = LANGUAGES.filter((language) => codes.includes(language.code));
  return (
    <span className="language-names">
      {shown.map((language) => (
        <span
          key={language.code}
          className="language-names__name"
          lang={language.code}
          dir={isRtl(language.code) ? 'rtl' : 'ltr'}
        >
          {language.nativeName}
        </span>
      ))}
    </span>
  );
}

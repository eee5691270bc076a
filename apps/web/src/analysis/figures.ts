import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Number formats of the analysis in the reader's language: people as whole numbers, shares as
 * percent, other figures with as many digits as they need to be told apart (0.00072, 0.57, 12.4).
 */
export interface Figures {
  people(value: number): string;
  percent(share: number): string;
  /** Two significant digits below 10, one decimal below 100, whole numbers above. */
  decimal(value: number): string;
  /** Scores and weights 0 … 1, two decimals. */
  score(value: number): string;
  /** Metres under 1 km, kilometres with one decimal above. */
  distance(metres: number): string;
}

export function figures(language: string): Figures {
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  // Two significant digits shown even when the second is 0 (0.60, not 0.6), so figures line up.
  const twoSignificant = new Intl.NumberFormat(language, { minimumSignificantDigits: 2, maximumSignificantDigits: 2 });
  const twoDecimals = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const metres = new Intl.NumberFormat(language, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
  const kilometres = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: 1,
  });
  return {
    people: (value) => whole.format(Math.round(value)),
    percent: (share) => percent.format(share),
    decimal: (value) => {
      const size = Math.abs(value);
      if (size >= 100) return whole.format(value);
      if (size >= 10) return oneDecimal.format(value);
      if (size === 0) return whole.format(0);
      return twoSignificant.format(value);
    },
    score: (value) => twoDecimals.format(value),
    distance: (value) => (value < 1000 ? metres.format(Math.round(value / 10) * 10) : kilometres.format(value / 1000)),
  };
}

/**
 * Wraps text from the data (a name typed in German, an address) in Unicode isolates, so inside an
 * Arabic sentence it keeps its own direction and the quotes around it stay where they belong.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

export function useFigures(): Figures {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => figures(language), [language]);
}

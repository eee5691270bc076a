import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type LocalRecord, META, useMeta } from '../data/index.ts';
import { isLabelKey } from '../format.ts';

export interface RecordPresentation {
  /** Pictogram name: the category's icon, else the kind's. */
  icon: string;
  /** The record's own words (name, text, address …), else its category, else its kind. */
  title: string;
  kindLabel: string;
  categoryLabel: string | undefined;
}

const TITLE_FIELDS = ['name', 'text', 'address', 'formerUse', 'interimUse', 'note'] as const;

/** How a local record reads in lists: the same on the record list and the Quartierszirkel board. */
export function useRecordPresentation(): (record: LocalRecord) => RecordPresentation {
  const { t } = useTranslation();
  const taxonomy = useMeta<Taxonomy>(META.taxonomy);
  return useCallback(
    (record: LocalRecord) => {
      const properties = record.feature.properties;
      const category =
        taxonomy && typeof properties.category === 'string' ? findCategory(taxonomy, properties.category) : undefined;
      // A category added to the data before its translation shows its id rather than nothing.
      const categoryLabel = category && (isLabelKey(category.labelKey) ? t(category.labelKey) : category.id);
      const kindLabel = t(`kind.${record.kind}`, { count: 1 });
      const own = TITLE_FIELDS.map((field) => properties[field]).find(
        (value): value is string => typeof value === 'string' && value.trim() !== '',
      );
      return {
        icon: category?.icon ?? record.kind,
        title: own ?? categoryLabel ?? kindLabel,
        kindLabel,
        categoryLabel,
      };
    },
    [t, taxonomy],
  );
}

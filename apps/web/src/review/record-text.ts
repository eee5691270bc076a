import { findCategory, type RecordKind, type Taxonomy } from '@quartiersatlas/domain';
import { sourceMessages } from '@quartiersatlas/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { isLabelKey, useFormat } from '../format.ts';
import { distanceM } from '../map/geo.ts';
import { useDateFormat } from '../records/use-date-format.ts';

type Options = 'urgency' | 'operatorType' | 'condition' | 'ownership';
const OPTION_FIELDS: readonly string[] = ['urgency', 'operatorType', 'condition', 'ownership'] satisfies Options[];
const BOOLEAN_WORDS = { true: 'capture.answer.yes', false: 'capture.answer.no' } as const;
const TITLE_FIELDS = ['name', 'text', 'address', 'formerUse', 'interimUse', 'note'] as const;
const STATUSES = ['published', 'pending', 'rejected'] as const;

type CaptureFieldKey = `capture.field.${keyof typeof sourceMessages.capture.field & string}`;
type Captured = typeof sourceMessages.capture;
type OptionKey = { [G in Options]: `capture.${G}.${keyof Captured[G] & string}` }[Options];
type TargetGroupKey = `targetGroup.${keyof typeof sourceMessages.targetGroup & string}`;

/** Labels of the server-kept and special fields the forms do not name. */
const OWN_LABELS = {
  geometry: 'capture.location.heading',
  quarterId: 'capture.field.quarter',
  sessionId: 'capture.field.session',
  category: 'review.field.category',
  status: 'review.field.status',
  media: 'review.field.media',
  supporters: 'review.field.supporters',
  deleted: 'review.field.deleted',
  publicText: 'review.field.publicText',
} as const;

/** A representative position of a Point or Polygon: the point, or the mean of the outer ring's corners. */
export function anchorOf(geometry: unknown): [number, number] | null {
  if (geometry === null || typeof geometry !== 'object') return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  const position = (value: unknown): [number, number] | null =>
    Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number' ? [value[0], value[1]] : null;
  if (type === 'Point') return position(coordinates);
  if (type !== 'Polygon' || !Array.isArray(coordinates) || !Array.isArray(coordinates[0])) return null;
  const corners = (coordinates[0] as unknown[]).slice(0, -1).map(position);
  if (corners.length === 0 || corners.some((corner) => corner === null)) return null;
  const sum = (corners as [number, number][]).reduce((total, [lon, lat]) => [total[0] + lon, total[1] + lat], [0, 0]);
  return [sum[0] / corners.length, sum[1] / corners.length];
}

/** A record from the server or from this device: what the title and pictogram are made of. */
export interface PresentableRecord {
  properties: { kind: RecordKind; category?: unknown; [field: string]: unknown };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * How review screens put record fields into words: field labels as the forms use them, values with
 * their translated options, category and quarter names, languages, dates and "moved by 35 m".
 */
export function useRecordText({ taxonomy, quarters }: { taxonomy: Taxonomy; quarters: QuarterCollection }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const dates = useDateFormat();
  const language = i18n.resolvedLanguage ?? i18n.language;

  return useMemo(() => {
    const languageNames = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    const languageName = (tag: string) => {
      try {
        return languageNames.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
    const categoryLabel = (id: string) => {
      const category = findCategory(taxonomy, id);
      if (!category) return id;
      return isLabelKey(category.labelKey) ? t(category.labelKey) : category.id;
    };
    const quarterName = (id: string) => quarters.features.find((quarter) => quarter.id === id)?.properties.name ?? id;

    const fieldLabel = (field: string): string => {
      if (Object.hasOwn(OWN_LABELS, field)) return t(OWN_LABELS[field as keyof typeof OWN_LABELS]);
      if (Object.hasOwn(sourceMessages.capture.field, field)) return t(`capture.field.${field}` as CaptureFieldKey);
      return field;
    };

    const geometryWord = (geometry: unknown) => {
      const type = (geometry as { type?: unknown } | null)?.type;
      return t(type === 'Polygon' ? 'review.value.outline' : 'review.value.point');
    };

    const single = (field: string, value: unknown): string => {
      if (typeof value === 'boolean') return t(BOOLEAN_WORDS[`${value}`]);
      if (typeof value === 'string') {
        if (field === 'category') return categoryLabel(value);
        if (field === 'quarterId') return quarterName(value);
        if (field === 'lang' || field === 'languages') return languageName(value);
        if (field === 'targetGroups' && Object.hasOwn(sourceMessages.targetGroup, value)) {
          return t(`targetGroup.${value}` as TargetGroupKey);
        }
        if (OPTION_FIELDS.includes(field) && Object.hasOwn(sourceMessages.capture[field as Options], value)) {
          return t(`capture.${field}.${value}` as OptionKey);
        }
        if (field === 'status' && (STATUSES as readonly string[]).includes(value)) {
          return t(`review.status.${value as (typeof STATUSES)[number]}`);
        }
        if (field === 'createdAt' || field === 'updatedAt') return dates.dateTime(value);
        return value;
      }
      if (typeof value === 'number') {
        if (field === 'floorAreaM2' || field === 'areaM2')
          return t('review.value.area', { value: format.number(value) });
        return format.number(value);
      }
      return JSON.stringify(value);
    };

    /** One field's value in words; "empty" for a removed or unset one. */
    const value = (field: string, raw: unknown): string => {
      if (isEmpty(raw)) return t('review.value.empty');
      if (field === 'geometry') return geometryWord(raw);
      if (field === 'media' && Array.isArray(raw)) return t('review.value.media', { count: raw.length });
      if (field === 'sessionId' && typeof raw === 'string') return t('review.value.session');
      if (Array.isArray(raw)) return raw.map((item) => single(field, item)).join(', ');
      return single(field, raw);
    };

    /** How far apart two locations are ("35 m"); null when either is not a point or an outline. */
    const distance = (before: unknown, after: unknown): string | null => {
      const from = anchorOf(before);
      const to = anchorOf(after);
      return from && to ? format.distance(Math.round(distanceM(from, to))) : null;
    };

    const present = (record: PresentableRecord) => {
      const { properties } = record;
      const category =
        typeof properties.category === 'string' ? findCategory(taxonomy, properties.category) : undefined;
      const kindLabel = t(`kind.${properties.kind}`, { count: 1 });
      const categoryText = typeof properties.category === 'string' ? categoryLabel(properties.category) : undefined;
      const own = TITLE_FIELDS.map((field) => properties[field]).find(
        (candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '',
      );
      return {
        icon: category?.icon ?? properties.kind,
        title: own ?? categoryText ?? kindLabel,
        kindLabel,
        categoryLabel: categoryText,
      };
    };

    return { fieldLabel, value, distance, present, languageName, categoryLabel, quarterName };
  }, [t, language, taxonomy, quarters, format, dates]);
}

export type RecordText = ReturnType<typeof useRecordText>;

/** Right-to-left scripts among the languages residents write in (the app's own list knows only its eight). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);

/** The direction of text written in `lang`: unknown languages let the browser decide from the text. */
export function textDirection(lang: unknown): 'rtl' | 'ltr' | 'auto' {
  if (typeof lang !== 'string' || lang === '') return 'auto';
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

import { RECORD_KINDS, type Taxonomy } from '@quartiersatlas/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { useLabels } from '../report/use-labels.ts';
import { DownloadButton } from './download-button.tsx';

export const EXPORT_FORMATS = ['geojson', 'csv', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Moderation states a planner may export: the query value and the name of its label. */
const STATUS_OPTIONS = [
  { value: 'published', label: 'published' },
  { value: 'pending', label: 'pending' },
  { value: 'rejected', label: 'rejected' },
  { value: 'published,pending,rejected', label: 'all' },
] as const;

export interface RecordExportChoice {
  format: ExportFormat;
  kind: string;
  quarter: string;
  category: string;
  status: string;
}

/** The records export URL; empty filters are left out, so the server's defaults apply. */
export function recordExportUrl(choice: RecordExportChoice): string {
  const query = new URLSearchParams({ format: choice.format });
  if (choice.kind) query.set('kind', choice.kind);
  if (choice.quarter) query.set('quarter', choice.quarter);
  if (choice.category) query.set('category', choice.category);
  if (choice.status) query.set('status', choice.status);
  return `/api/v1/exports/records?${query}`;
}

/** Three formats, each named by what people open it with. */
export function FormatChoice({
  value,
  onChange,
  legend,
}: {
  value: ExportFormat;
  onChange: (format: ExportFormat) => void;
  legend: string;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="exchange-choices exchange-choices--formats">
      <legend className="exchange-form__label">{legend}</legend>
      {EXPORT_FORMATS.map((format) => (
        <label key={format} className="exchange-choice">
          <input type="radio" name={name} value={format} checked={value === format} onChange={() => onChange(format)} />
          <span className="exchange-choice__text">
            <span className="exchange-choice__name">{t(`exchange.exportFormat.${format}.name`)}</span>
            <span className="exchange-choice__hint">{t(`exchange.exportFormat.${format}.hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) {
  const id = useId();
  return (
    <div className="report-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="report-select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Records of one kind or all, narrowed by quarter, category and moderation status, as a download. */
export function RecordExport({ quarters, taxonomy }: { quarters: QuarterCollection; taxonomy: Taxonomy }) {
  const { t } = useTranslation();
  const labels = useLabels(taxonomy);
  const [choice, setChoice] = useState<RecordExportChoice>({
    format: 'geojson',
    kind: '',
    quarter: '',
    category: '',
    status: 'published',
  });
  const set = (patch: Partial<RecordExportChoice>) => setChoice({ ...choice, ...patch });
  // Vacancies and brownfields have former uses, not categories.
  const categorised = choice.kind === '' || choice.kind === 'service' || choice.kind === 'need';
  return (
    <div className="exchange-form">
      <div className="exchange-row">
        <Select
          label={t('exchange.export.layer')}
          value={choice.kind}
          onChange={(kind) =>
            set({ kind, category: kind === 'vacancy' || kind === 'brownfield' ? '' : choice.category })
          }
          options={[
            { value: '', label: t('exchange.export.allKinds') },
            ...RECORD_KINDS.map((kind) => ({ value: kind, label: t(`report.kinds.${kind}`) })),
          ]}
        />
        <Select
          label={t('exchange.export.quarter')}
          value={choice.quarter}
          onChange={(quarter) => set({ quarter })}
          options={[
            { value: '', label: t('exchange.export.allQuarters') },
            ...quarters.features.map((quarter) => ({ value: quarter.id, label: quarter.properties.name })),
          ]}
        />
        {categorised && (
          <Select
            label={t('exchange.export.category')}
            value={choice.category}
            onChange={(category) => set({ category })}
            options={[
              { value: '', label: t('exchange.export.allCategories') },
              ...taxonomy.categories.map((category) => ({ value: category.id, label: labels.category(category.id) })),
            ]}
          />
        )}
        <Select
          label={t('exchange.export.status')}
          value={choice.status}
          onChange={(status) => set({ status })}
          options={STATUS_OPTIONS.map((option) => ({
            value: option.value,
            label: t(`exchange.export.statusOption.${option.label}`),
          }))}
        />
      </div>
      <FormatChoice value={choice.format} onChange={(format) => set({ format })} legend={t('exchange.export.format')} />
      <div className="exchange-actions">
        <DownloadButton
          url={recordExportUrl(choice)}
          label={t('exchange.export.download')}
          fallbackName={`quartiersatlas-export.${choice.format}`}
        />
      </div>
    </div>
  );
}

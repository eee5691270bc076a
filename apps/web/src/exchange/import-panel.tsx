import { RECORD_KINDS, type Taxonomy } from '@quartiersatlas/domain';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { Icon } from '../components/icon.tsx';
import { errorKey, useFormat } from '../format.ts';
import { UploadGlyph } from '../report/glyphs.tsx';
import { useLabels } from '../report/use-labels.ts';
import { ImportReportView } from './import-report.tsx';
import { IMPORT_FORMATS, type ImportFormat, type ImportSummary, RECORD_FORMATS, refusedImport } from './imports-api.ts';
import { uploadFile } from './upload.ts';
import './imports.css';

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; loaded: number; total: number }
  | { step: 'checking' }
  | { step: 'finished'; summary: ImportSummary }
  | { step: 'error'; error: ApiError };

const ACCEPT: Record<ImportFormat, string> = {
  geojson: '.geojson,.json,application/geo+json,application/json',
  overpass: '.json,application/json',
  csv: '.csv,.txt,text/csv',
  zensus: '.csv,.txt,text/csv',
  network: '.geojson,.json,application/geo+json,application/json',
};

export interface ImportChoice {
  format: ImportFormat;
  kind: string;
  category: string;
  name: string;
}

/** The import route's URL for a file and the choices made; empty choices are left to the file. */
export function importUrl(fileName: string, choice: ImportChoice): string {
  const query = new URLSearchParams({ format: choice.format, fileName });
  if (RECORD_FORMATS.includes(choice.format)) {
    if (choice.kind) query.set('kind', choice.kind);
    if (choice.category) query.set('category', choice.category);
  } else if (choice.name.trim()) {
    query.set('name', choice.name.trim());
  }
  return `/api/v1/imports?${query}`;
}

function Progress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (phase.step === 'uploading') {
    const share = phase.total > 0 ? phase.loaded / phase.total : 0;
    const percent = Math.round(share * 100);
    return (
      <div className="import-progress" role="status">
        <p>{t('exchange.import.uploading', { percent: format.number(percent) })}</p>
        <progress value={percent} max={100} aria-label={t('exchange.import.progressLabel')} />
      </div>
    );
  }
  if (phase.step === 'checking') {
    return (
      <div className="import-progress" role="status">
        <p>{t('exchange.import.checking')}</p>
        <progress aria-label={t('exchange.import.progressLabel')} />
      </div>
    );
  }
  return null;
}

/** Choose a format and a file, upload it with visible progress, then read what happened to each row. */
export function ImportPanel({ taxonomy, onImported }: { taxonomy: Taxonomy; onImported: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels(taxonomy);
  const ids = { kind: useId(), category: useId(), name: useId(), file: useId(), formats: useId() };
  const [choice, setChoice] = useState<ImportChoice>({ format: 'geojson', kind: '', category: '', name: '' });
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const upload = useRef<AbortController | null>(null);
  useEffect(() => () => upload.current?.abort(), []);
  const busy = phase.step === 'uploading' || phase.step === 'checking';
  const records = RECORD_FORMATS.includes(choice.format);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || busy) return;
    const controller = new AbortController();
    upload.current = controller;
    setPhase({ step: 'uploading', loaded: 0, total: file.size });
    try {
      const body = (await uploadFile(
        importUrl(file.name, choice),
        file,
        ({ loaded, total }) => setPhase(loaded >= total ? { step: 'checking' } : { step: 'uploading', loaded, total }),
        controller.signal,
      )) as { import: ImportSummary };
      setPhase({ step: 'finished', summary: body.import });
      onImported();
    } catch (error) {
      if (controller.signal.aborted) {
        setPhase({ step: 'idle' });
        return;
      }
      const apiError = toApiError(error);
      const refused = apiError.code === 'IMPORT_INVALID' ? refusedImport(apiError.details) : null;
      setPhase(refused ? { step: 'finished', summary: refused } : { step: 'error', error: apiError });
      if (refused) onImported();
    }
  }

  return (
    <form className="exchange-form" onSubmit={submit}>
      <fieldset className="exchange-choices" disabled={busy}>
        <legend className="exchange-form__label">{t('exchange.import.format')}</legend>
        {IMPORT_FORMATS.map((item) => (
          <label key={item} className="exchange-choice">
            <input
              type="radio"
              name={ids.formats}
              value={item}
              checked={choice.format === item}
              onChange={() => setChoice({ ...choice, format: item })}
            />
            <span className="exchange-choice__text">
              <span className="exchange-choice__name">{t(`exchange.format.${item}.name`)}</span>
              <span className="exchange-choice__hint">{t(`exchange.format.${item}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="exchange-row">
        {records ? (
          <>
            <div className="report-field">
              <label htmlFor={ids.kind}>{t('exchange.import.kind')}</label>
              <select
                id={ids.kind}
                className="report-select"
                value={choice.kind}
                disabled={busy}
                onChange={(event) => setChoice({ ...choice, kind: event.target.value })}
              >
                <option value="">{t('exchange.import.fromFile')}</option>
                {RECORD_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kind.${kind}`, { count: 1 })}
                  </option>
                ))}
              </select>
            </div>
            <div className="report-field">
              <label htmlFor={ids.category}>{t('exchange.import.category')}</label>
              <select
                id={ids.category}
                className="report-select"
                value={choice.category}
                disabled={busy}
                onChange={(event) => setChoice({ ...choice, category: event.target.value })}
              >
                <option value="">
                  {choice.format === 'overpass' ? t('exchange.import.fromTags') : t('exchange.import.fromFile')}
                </option>
                {taxonomy.categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {labels.category(category.id)}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : (
          <div className="report-field exchange-row__wide">
            <label htmlFor={ids.name}>{t('exchange.import.layerName')}</label>
            <input
              id={ids.name}
              value={choice.name}
              disabled={busy}
              maxLength={200}
              placeholder={t('exchange.import.layerNamePlaceholder')}
              onChange={(event) => setChoice({ ...choice, name: event.target.value })}
            />
          </div>
        )}
      </div>
      <div className="report-field">
        <label htmlFor={ids.file}>{t('exchange.import.file')}</label>
        <input
          id={ids.file}
          type="file"
          className="exchange-file"
          accept={ACCEPT[choice.format]}
          disabled={busy}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <div className="exchange-actions">
        <button type="submit" className="button button--primary" disabled={!file || busy}>
          <UploadGlyph />
          <span>{t('exchange.import.submit')}</span>
        </button>
        {phase.step === 'uploading' && (
          <button type="button" className="button button--secondary" onClick={() => upload.current?.abort()}>
            {t('exchange.import.cancel')}
          </button>
        )}
      </div>
      <p className="exchange-form__note">{t('exchange.import.sizeLimit')}</p>
      <Progress phase={phase} />
      <div aria-live="polite">
        {phase.step === 'finished' && <ImportReportView summary={phase.summary} />}
        {phase.step === 'error' && (
          <div className="form-error import-error" role="alert">
            <Icon name="alert" />
            <div>
              <p>{t(errorKey(phase.error.code))}</p>
              {phase.error.fields.length > 0 && (
                <p>{t('exchange.import.fields', { fields: phase.error.fields.join(', ') })}</p>
              )}
              {phase.error.status >= 400 && phase.error.status < 500 && (
                <p className="import-rows__detail" lang="en">
                  <bdi>{phase.error.message}</bdi>
                </p>
              )}
            </div>
          </div>
        )}
      </div>
    </form>
  );
}

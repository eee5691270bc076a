import type { Taxonomy } from '@quartiersatlas/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/status.tsx';
import { analysisCategory, fetchAnalyses } from '../report/report-api.ts';
import { useApi } from '../report/use-api.ts';
import { useLabels } from '../report/use-labels.ts';
import { DownloadButton } from './download-button.tsx';
import { type ExportFormat, FormatChoice } from './export-panel.tsx';

export const ANALYSIS_LAYERS = ['grid', 'quarters', 'potentials'] as const;
export type AnalysisLayer = (typeof ANALYSIS_LAYERS)[number];

/** A GeoPackage holds all three layers, so only the other formats name one. */
export function analysisExportUrl(id: string, format: ExportFormat, layer: AnalysisLayer): string {
  const query = new URLSearchParams({ format });
  if (format !== 'gpkg') query.set('layer', layer);
  return `/api/v1/analyses/${encodeURIComponent(id)}/export?${query}`;
}

/** The results of a finished analysis: the H3 grid, the per-quarter table or the ranked sites. */
export function AnalysisExport({ taxonomy }: { taxonomy: Taxonomy }) {
  const { t } = useTranslation();
  const labels = useLabels(taxonomy);
  const analyses = useApi('analyses', fetchAnalyses);
  const [chosen, setChosen] = useState('');
  const [layer, setLayer] = useState<AnalysisLayer>('grid');
  const [format, setFormat] = useState<ExportFormat>('geojson');
  const analysisId = useId();
  const layerId = useId();

  if (analyses.status === 'loading') return <Loading />;
  if (analyses.status === 'error') {
    return <LoadError title={t('exchange.analysis.loadError')} error={analyses.error} onRetry={analyses.retry} />;
  }
  const done = analyses.data.filter((job) => job.status === 'done');
  if (done.length === 0) return <p className="empty">{t('exchange.analysis.none')}</p>;
  const id = done.some((job) => job.id === chosen) ? chosen : (done[0]?.id ?? '');
  return (
    <div className="exchange-form">
      <div className="exchange-row">
        <div className="report-field exchange-row__wide">
          <label htmlFor={analysisId}>{t('exchange.analysis.choose')}</label>
          <select
            id={analysisId}
            className="report-select"
            value={id}
            onChange={(event) => setChosen(event.target.value)}
          >
            {done.map((job) => (
              <option key={job.id} value={job.id}>
                {[
                  labels.category(analysisCategory(job.parameters)),
                  labels.method(job.parameters.method),
                  labels.dateTime(job.finishedAt ?? job.createdAt),
                  job.stale ? t('report.coverage.stale') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </option>
            ))}
          </select>
        </div>
        <div className="report-field">
          <label htmlFor={layerId}>{t('exchange.analysis.layer')}</label>
          <select
            id={layerId}
            className="report-select"
            value={layer}
            disabled={format === 'gpkg'}
            aria-describedby={format === 'gpkg' ? `${layerId}-hint` : undefined}
            onChange={(event) => setLayer(event.target.value as AnalysisLayer)}
          >
            {ANALYSIS_LAYERS.map((item) => (
              <option key={item} value={item}>
                {t(`exchange.analysis.layerName.${item}`)}
              </option>
            ))}
          </select>
          {format === 'gpkg' && (
            <p id={`${layerId}-hint`} className="exchange-form__note">
              {t('exchange.analysis.allLayers')}
            </p>
          )}
        </div>
      </div>
      <FormatChoice value={format} onChange={setFormat} legend={t('exchange.export.format')} />
      <div className="exchange-actions">
        <DownloadButton
          url={analysisExportUrl(id, format, layer)}
          label={t('exchange.analysis.download')}
          fallbackName={`quartiersatlas-analyse.${format}`}
        />
      </div>
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/status.tsx';
import { fetchImports } from '../exchange/imports-api.ts';
import type { WorkspaceProps } from '../workspace-props.ts';
import { ALL_QUARTERS, quartersIn, type Scope } from './figures.ts';
import { BackGlyph, PrinterGlyph } from './glyphs.tsx';
import { HexMap } from './hex-map.tsx';
import { MAP_MEASURES, type MapMeasure } from './map-scale.ts';
import { fetchAnalysis, fetchDemandLayers, type OverviewReport } from './report-api.ts';
import { ReportSections } from './report-sections.tsx';
import { Sources } from './sources.tsx';
import { useApi } from './use-api.ts';
import { useLabels } from './use-labels.ts';
import './print.css';

function MapSection({
  report,
  analysisId,
  measure,
  props,
}: {
  report: OverviewReport;
  analysisId: string;
  measure: MapMeasure;
  props: WorkspaceProps;
}) {
  const { t } = useTranslation();
  const labels = useLabels(props.taxonomy);
  const analysis = useApi(analysisId, (signal) => fetchAnalysis(analysisId, signal));
  const coverage = report.coverage.find((row) => row.analysisId === analysisId);
  if (!coverage) return null;
  const category = labels.category(coverage.category);
  const title = t('report.map.title', { measure: t(`report.map.measure.${measure}`), category });
  return (
    <section className="report-section report-section--map" aria-label={title}>
      <h2 className="report-section__title">{title}</h2>
      <p className="report-section__intro">
        {t('report.map.caption', {
          method: labels.method(coverage.method),
          date: labels.date(coverage.finishedAt),
        })}
        {coverage.stale && ` ${t('report.coverage.staleLong')}`}
      </p>
      {analysis.status === 'loading' && <Loading />}
      {analysis.status === 'error' && (
        <LoadError title={t('report.map.loadError')} error={analysis.error} onRetry={analysis.retry} />
      )}
      {analysis.status === 'ready' &&
        (analysis.data.result ? (
          <HexMap
            grid={analysis.data.result.grid}
            quarters={props.quarters}
            measure={measure}
            title={title}
            labels={labels}
          />
        ) : (
          <p className="empty">{t('report.map.empty')}</p>
        ))}
    </section>
  );
}

/**
 * The report as a document: an A4 layout that the browser prints (or saves as PDF) without the
 * app around it. The toolbar chooses the analysis and the measure of the map and is not printed.
 */
export function PrintReport(props: WorkspaceProps & { report: OverviewReport; scope: Scope; onClose: () => void }) {
  const { report, scope, onClose } = props;
  const { t } = useTranslation();
  const labels = useLabels(props.taxonomy);
  const layers = useApi('demand-layers', fetchDemandLayers);
  const imports = useApi('imports', fetchImports);
  const [analysisId, setAnalysisId] = useState(report.coverage[0]?.analysisId ?? '');
  const [measure, setMeasure] = useState<MapMeasure>('priority');
  const analysisField = useId();
  const measureField = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const scopeName =
    scope === ALL_QUARTERS
      ? quartersIn(report, scope)
          .map((quarter) => quarter.name)
          .join(', ')
      : (report.quarters.find((quarter) => quarter.id === scope)?.name ?? scope);

  return (
    <div className="report-print">
      <div className="report-print__toolbar" role="toolbar" aria-label={t('report.print.toolbar')}>
        <button type="button" className="button button--secondary" onClick={onClose}>
          <BackGlyph />
          <span>{t('report.print.back')}</span>
        </button>
        {report.coverage.length > 0 && (
          <>
            <div className="report-field">
              <label htmlFor={analysisField}>{t('report.print.mapAnalysis')}</label>
              <select
                id={analysisField}
                className="report-select"
                value={analysisId}
                onChange={(event) => setAnalysisId(event.target.value)}
              >
                {report.coverage.map((row) => (
                  <option key={row.analysisId} value={row.analysisId}>
                    {labels.category(row.category)}
                  </option>
                ))}
                <option value="">{t('report.print.noMap')}</option>
              </select>
            </div>
            <div className="report-field">
              <label htmlFor={measureField}>{t('report.print.mapMeasure')}</label>
              <select
                id={measureField}
                className="report-select"
                value={measure}
                disabled={analysisId === ''}
                onChange={(event) => setMeasure(event.target.value as MapMeasure)}
              >
                {MAP_MEASURES.map((item) => (
                  <option key={item} value={item}>
                    {t(`report.map.measure.${item}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          <PrinterGlyph />
          <span>{t('report.print.print')}</span>
        </button>
        <p className="report-print__hint">{t('report.print.hint')}</p>
      </div>
      <article className="report-doc">
        <header className="report-doc__head">
          <p className="report-doc__kicker">{t('app.title')}</p>
          <h1 className="report-doc__title" ref={heading} tabIndex={-1}>
            {t('report.print.title')}
          </h1>
          <p className="report-doc__meta">{scopeName}</p>
          <p className="report-doc__meta">{t('report.generatedAt', { date: labels.dateTime(report.generatedAt) })}</p>
        </header>
        {analysisId !== '' && <MapSection report={report} analysisId={analysisId} measure={measure} props={props} />}
        <ReportSections report={report} scope={scope} taxonomy={props.taxonomy} labels={labels} print />
        <section className="report-section report-section--sources" aria-labelledby="report-sources-heading">
          <h2 id="report-sources-heading" className="report-section__title">
            {t('report.sources.title')}
          </h2>
          <Sources
            quarters={props.quarters}
            taxonomy={props.taxonomy}
            coverage={report.coverage}
            layers={layers}
            imports={imports}
            basemapStyleUrl={props.basemapStyleUrl}
            year={new Date(report.generatedAt).getFullYear()}
            labels={labels}
          />
        </section>
      </article>
    </div>
  );
}

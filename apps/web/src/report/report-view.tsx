import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBanner } from '../components/demo-banner.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import type { WorkspaceProps } from '../workspace-props.ts';
import { ALL_QUARTERS, type Scope } from './figures.ts';
import { PrinterGlyph } from './glyphs.tsx';
import { PrintReport } from './print-report.tsx';
import { fetchOverview, type OverviewReport } from './report-api.ts';
import { ReportSections } from './report-sections.tsx';
import { useApi } from './use-api.ts';
import { useLabels } from './use-labels.ts';
import './report.css';

function ScopeSelect({
  report,
  scope,
  onChange,
}: {
  report: OverviewReport;
  scope: Scope;
  onChange: (scope: Scope) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="report-field">
      <label htmlFor={id}>{t('report.scope')}</label>
      <select id={id} className="report-select" value={scope} onChange={(event) => onChange(event.target.value)}>
        <option value={ALL_QUARTERS}>{t('report.allQuarters')}</option>
        {report.quarters.map((quarter) => (
          <option key={quarter.id} value={quarter.id}>
            {quarter.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The planner's overview: tables and charts per quarter, category and session, and the printable report. */
export function ReportView(props: WorkspaceProps) {
  const { t } = useTranslation();
  const overview = useApi('overview', fetchOverview);
  const labels = useLabels(props.taxonomy);
  const [scope, setScope] = useState<Scope>(ALL_QUARTERS);
  const [printing, setPrinting] = useState(false);
  const demo = props.quarters.features.some((quarter) => quarter.properties.demo);

  if (printing && overview.status === 'ready') {
    return <PrintReport {...props} report={overview.data} scope={scope} onClose={() => setPrinting(false)} />;
  }
  return (
    <div className="report">
      {demo && <DemoBanner />}
      <div className="page report__page">
        <header className="report__head">
          <div>
            <h1 className="report__title">{t('report.title')}</h1>
            {overview.status === 'ready' && (
              <p className="report__meta">
                {t('report.generatedAt', { date: labels.dateTime(overview.data.generatedAt) })}
              </p>
            )}
          </div>
          {overview.status === 'ready' && (
            <div className="report__controls">
              <ScopeSelect report={overview.data} scope={scope} onChange={setScope} />
              <button type="button" className="button button--primary" onClick={() => setPrinting(true)}>
                <PrinterGlyph />
                <span>{t('report.print.open')}</span>
              </button>
            </div>
          )}
        </header>
        {overview.status === 'loading' && <Loading />}
        {overview.status === 'error' && (
          <LoadError title={t('report.loadError')} error={overview.error} onRetry={overview.retry} />
        )}
        {overview.status === 'ready' && (
          <ReportSections
            report={overview.data}
            scope={scope}
            taxonomy={props.taxonomy}
            labels={labels}
            print={false}
          />
        )}
      </div>
    </div>
  );
}

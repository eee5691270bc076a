import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../report/use-api.ts';
import type { WorkspaceProps } from '../workspace-props.ts';
import { AnalysisExport } from './analysis-export.tsx';
import { RecordExport } from './export-panel.tsx';
import { ImportPanel } from './import-panel.tsx';
import { fetchImports } from './imports-api.ts';
import { QgisBox } from './qgis-box.tsx';
import { RecentImports } from './recent-imports.tsx';
import '../report/report.css';
import './exchange.css';

function Card({ title, intro, children, wide }: { title: string; intro: string; children: ReactNode; wide?: boolean }) {
  const headingId = useId();
  return (
    <section
      className={wide ? 'report-section exchange-card exchange-card--wide' : 'report-section exchange-card'}
      aria-labelledby={headingId}
    >
      <div className="report-section__head">
        <h2 id={headingId} className="report-section__title">
          {title}
        </h2>
        <p className="report-section__intro">{intro}</p>
      </div>
      {children}
    </section>
  );
}

/** Bring data in (with a row-by-row report) and take records and analysis results out to other tools. */
export function ExchangeView(props: WorkspaceProps) {
  const { t } = useTranslation();
  const imports = useApi('imports', fetchImports);
  return (
    <div className="page exchange">
      <header className="report__head">
        <div>
          <h1 className="report__title">{t('exchange.title')}</h1>
          <p className="report__meta">{t('exchange.intro')}</p>
        </div>
      </header>
      <div className="exchange__grid">
        <Card title={t('exchange.import.title')} intro={t('exchange.import.intro')} wide>
          <ImportPanel taxonomy={props.taxonomy} onImported={imports.reload} />
        </Card>
        <Card title={t('exchange.recent.title')} intro={t('exchange.recent.intro')} wide>
          <RecentImports imports={imports} />
        </Card>
        <Card title={t('exchange.export.title')} intro={t('exchange.export.intro')}>
          <RecordExport quarters={props.quarters} taxonomy={props.taxonomy} />
        </Card>
        <Card title={t('exchange.analysis.title')} intro={t('exchange.analysis.intro')}>
          <AnalysisExport taxonomy={props.taxonomy} />
        </Card>
        <Card title={t('exchange.qgis.title')} intro={t('exchange.qgis.intro')} wide>
          <QgisBox origin={window.location.origin} />
        </Card>
      </div>
    </div>
  );
}

import type { Taxonomy } from '@quartiersatlas/domain';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryFigures } from './category-figures.tsx';
import { CoverageFigures } from './coverage-figures.tsx';
import { categoryTotals, quartersIn, type Scope, sessionsIn, unanalysed } from './figures.ts';
import { NeedsFigures } from './needs-figures.tsx';
import { QuarterTable } from './quarter-table.tsx';
import type { OverviewReport } from './report-api.ts';
import { SessionTable } from './session-table.tsx';
import type { Labels } from './use-labels.ts';

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="report-section" aria-labelledby={headingId}>
      <div className="report-section__head">
        <h2 id={headingId} className="report-section__title">
          {title}
        </h2>
        {intro && <p className="report-section__intro">{intro}</p>}
      </div>
      {children}
    </section>
  );
}

/**
 * The figures shared by the overview and the printed report. On paper the long category chart
 * gives way to its table (the same numbers on a quarter of the pages).
 */
export function ReportSections({
  report,
  scope,
  taxonomy,
  labels,
  print,
}: {
  report: OverviewReport;
  scope: Scope;
  taxonomy: Taxonomy;
  labels: Labels;
  print: boolean;
}) {
  const { t } = useTranslation();
  const quarters = quartersIn(report, scope);
  const categories = categoryTotals(quarters, taxonomy);
  const quarterNames = new Map(report.quarters.map((quarter) => [quarter.id, quarter.name]));
  return (
    <>
      <Section title={t('report.quarters.title')} intro={t('report.quarters.intro')}>
        <QuarterTable quarters={quarters} labels={labels} />
      </Section>
      <Section title={t('report.coverage.title')} intro={t('report.coverage.intro')}>
        <CoverageFigures
          coverage={report.coverage}
          missing={unanalysed(categories, report.coverage)}
          scope={scope}
          labels={labels}
          chart
        />
      </Section>
      <Section title={t('report.categories.title')} intro={t('report.categories.intro')}>
        <CategoryFigures rows={categories} labels={labels} chart={!print} />
      </Section>
      <Section title={t('report.needs.title')} intro={t('report.needs.intro')}>
        <NeedsFigures quarters={quarters} labels={labels} chart />
      </Section>
      <Section title={t('report.sessions.title')} intro={t('report.sessions.intro')}>
        <SessionTable sessions={sessionsIn(report, scope)} quarterNames={quarterNames} labels={labels} />
      </Section>
    </>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, SERIES_COLORS } from './bar-chart.tsx';
import { languageTotals, targetGroupTotals } from './figures.ts';
import type { QuarterFigures } from './report-api.ts';
import type { Labels } from './use-labels.ts';

function CountTable({
  caption,
  head,
  rows,
  labels,
}: {
  caption: string;
  head: string;
  rows: Array<{ key: string; label: string; count: number }>;
  labels: Labels;
}) {
  const { t } = useTranslation();
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="report-table__num">
              {t('report.kinds.need')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="report-table__num">{labels.number(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NeedsBlock({
  title,
  head,
  rows,
  labels,
  chart,
}: {
  title: string;
  head: string;
  rows: Array<{ key: string; label: string; count: number }>;
  labels: Labels;
  chart: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="report-block" aria-labelledby={headingId}>
      <h3 id={headingId} className="report-block__title">
        {title}
      </h3>
      {rows.length === 0 ? (
        <p className="empty">{t('report.needs.empty')}</p>
      ) : (
        <>
          {chart && (
            <BarChart
              title={title}
              series={[{ key: 'need', label: t('report.kinds.need'), color: SERIES_COLORS[1] }]}
              rows={rows.map((row) => ({ key: row.key, label: row.label, values: [row.count] }))}
              format={labels.number}
            />
          )}
          <CountTable caption={title} head={head} rows={rows} labels={labels} />
        </>
      )}
    </section>
  );
}

/** Published needs by the language residents wrote in and by the groups they speak for. */
export function NeedsFigures({
  quarters,
  labels,
  chart,
}: {
  quarters: QuarterFigures[];
  labels: Labels;
  chart: boolean;
}) {
  const { t } = useTranslation();
  const byLanguage = languageTotals(quarters).map((row) => ({ ...row, label: labels.language(row.key) }));
  const byGroup = targetGroupTotals(quarters).map((row) => ({ ...row, label: labels.targetGroup(row.key) }));
  return (
    <div className="report-pair">
      <NeedsBlock
        title={t('report.needs.byLanguage')}
        head={t('report.needs.language')}
        rows={byLanguage}
        labels={labels}
        chart={chart}
      />
      <NeedsBlock
        title={t('report.needs.byTargetGroup')}
        head={t('report.needs.targetGroup')}
        rows={byGroup}
        labels={labels}
        chart={chart}
      />
    </div>
  );
}

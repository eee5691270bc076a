import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { BarChart, SERIES_COLORS } from './bar-chart.tsx';
import type { CategoryCount } from './report-api.ts';
import type { Labels } from './use-labels.ts';

/** Services and voiced needs per category: where much is wished for and little is there. */
export function CategoryFigures({ rows, labels, chart }: { rows: CategoryCount[]; labels: Labels; chart: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t('report.categories.empty')}</p>;
  const services = t('report.kinds.service');
  const needs = t('report.kinds.need');
  return (
    <div className={chart ? 'report-pair report-pair--chart' : undefined}>
      {chart && (
        <BarChart
          title={t('report.categories.chartTitle')}
          series={[
            { key: 'service', label: services, color: SERIES_COLORS[0] },
            { key: 'need', label: needs, color: SERIES_COLORS[1] },
          ]}
          rows={rows.map((row) => ({
            key: row.category,
            label: labels.category(row.category),
            icon: labels.categoryIcon(row.category),
            values: [row.service, row.need],
          }))}
          format={labels.number}
        />
      )}
      <div className="report-table-wrap">
        <table className="report-table">
          <caption className="visually-hidden">{t('report.categories.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.categories.category')}</th>
              <th scope="col" className="report-table__num">
                {services}
              </th>
              <th scope="col" className="report-table__num">
                {needs}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category}>
                <th scope="row">
                  <span className="report-table__category">
                    <Pictogram name={labels.categoryIcon(row.category)} size={18} />
                    {labels.category(row.category)}
                  </span>
                </th>
                <td className="report-table__num">{labels.number(row.service)}</td>
                <td className="report-table__num">{labels.number(row.need)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

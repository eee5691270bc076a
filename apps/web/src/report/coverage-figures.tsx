import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { BarChart, SERIES_COLORS } from './bar-chart.tsx';
import { ALL_QUARTERS, coverageIn, type Scope } from './figures.ts';
import type { CoverageFigures as Coverage } from './report-api.ts';
import type { Labels } from './use-labels.ts';

/**
 * Coverage per category from the newest finished analysis of each: who lives within reach of a
 * service, who is served at the target, and how many people that leaves short.
 */
export function CoverageFigures({
  coverage,
  missing,
  scope,
  labels,
  chart,
}: {
  coverage: Coverage[];
  /** Categories with records but no analysis yet. */
  missing: string[];
  scope: Scope;
  labels: Labels;
  chart: boolean;
}) {
  const { t } = useTranslation();
  const rows = coverage.flatMap((row) => {
    const area = coverageIn(row, scope);
    return area ? [{ row, area }] : [];
  });
  const charted = rows.filter(({ area }) => area.coverageShare !== null);
  return (
    <>
      {rows.length === 0 ? (
        <p className="empty">{t('report.coverage.none')}</p>
      ) : (
        <div className={chart ? 'report-pair report-pair--wide' : undefined}>
          {chart && charted.length > 0 && (
            <BarChart
              title={t('report.coverage.chartTitle')}
              series={[
                { key: 'coverage', label: t('report.coverage.coverageShare'), color: SERIES_COLORS[0] },
                { key: 'served', label: t('report.coverage.servedShare'), color: SERIES_COLORS[1] },
              ]}
              rows={charted.map(({ row, area }) => ({
                key: row.category,
                label: labels.category(row.category),
                icon: labels.categoryIcon(row.category),
                values: [area.coverageShare ?? 0, area.servedShare ?? 0],
              }))}
              format={labels.percent}
              max={1}
            />
          )}
          <div className="report-table-wrap">
            <table className="report-table">
              <caption className="visually-hidden">{t('report.coverage.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.categories.category')}</th>
                  <th scope="col" className="report-table__num">
                    {t('report.coverage.coverageShare')}
                  </th>
                  <th scope="col" className="report-table__num">
                    {t('report.coverage.servedShare')}
                  </th>
                  <th scope="col" className="report-table__num">
                    {t('report.coverage.deficit')}
                  </th>
                  <th scope="col" className="report-table__num">
                    {t('report.coverage.population')}
                  </th>
                  {scope === ALL_QUARTERS && (
                    <th scope="col" className="report-table__num">
                      {t('report.coverage.supplyPer1000')}
                    </th>
                  )}
                  <th scope="col">{t('report.coverage.analysis')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ row, area }) => (
                  <tr key={row.category}>
                    <th scope="row">
                      <span className="report-table__category">
                        <Pictogram name={labels.categoryIcon(row.category)} size={18} />
                        {labels.category(row.category)}
                      </span>
                    </th>
                    <td className="report-table__num">{labels.percent(area.coverageShare)}</td>
                    <td className="report-table__num">{labels.percent(area.servedShare)}</td>
                    <td className="report-table__num">{labels.number(area.deficit)}</td>
                    <td className="report-table__num">{labels.number(area.population)}</td>
                    {scope === ALL_QUARTERS && (
                      <td className="report-table__num">
                        {row.supplyPer1000 === null ? '–' : labels.decimal(row.supplyPer1000)}
                      </td>
                    )}
                    <td className="report-table__analysis">
                      <span>{labels.method(row.method)}</span>
                      <span className="report-table__muted">{labels.date(row.finishedAt)}</span>
                      {row.stale && <span className="report-badge">{t('report.coverage.stale')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {missing.length > 0 && (
        <div className="report-missing">
          <p className="report-missing__title">{t('report.coverage.notAnalysed')}</p>
          <ul className="report-missing__list">
            {missing.map((category) => (
              <li key={category} className="chip report-missing__chip">
                <Pictogram name={labels.categoryIcon(category)} size={16} />
                {labels.category(category)}
              </li>
            ))}
          </ul>
          <p className="report-missing__hint">{t('report.coverage.notAnalysedHint')}</p>
        </div>
      )}
    </>
  );
}

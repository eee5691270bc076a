import { useTranslation } from 'react-i18next';
import { KINDS, kindTotals } from './figures.ts';
import type { QuarterFigures } from './report-api.ts';
import type { Labels } from './use-labels.ts';

/** Published records per kind and the needs waiting for moderation, one row per quarter. */
export function QuarterTable({ quarters, labels }: { quarters: QuarterFigures[]; labels: Labels }) {
  const { t } = useTranslation();
  const total = kindTotals(quarters);
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">{t('report.quarters.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.quarters.quarter')}</th>
            {KINDS.map((kind) => (
              <th key={kind} scope="col" className="report-table__num">
                <span className={`kind-dot kind-dot--${kind}`} aria-hidden="true" />
                {t(`report.kinds.${kind}`)}
              </th>
            ))}
            <th scope="col" className="report-table__num">
              {t('report.quarters.pending')}
            </th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((quarter) => (
            <tr key={quarter.id}>
              <th scope="row">{quarter.name}</th>
              {KINDS.map((kind) => (
                <td key={kind} className="report-table__num">
                  {labels.number(quarter.records[kind])}
                </td>
              ))}
              <td className="report-table__num">{labels.number(quarter.pending)}</td>
            </tr>
          ))}
        </tbody>
        {quarters.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('report.total')}</th>
              {KINDS.map((kind) => (
                <td key={kind} className="report-table__num">
                  {labels.number(total[kind])}
                </td>
              ))}
              <td className="report-table__num">{labels.number(total.pending)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

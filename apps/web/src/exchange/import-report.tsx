import { type Messages, sourceMessages } from '@quartiersatlas/i18n';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { errorKey, useFormat } from '../format.ts';
import type { ImportSummary } from './imports-api.ts';

type ReasonCode = keyof Messages['exchange']['reason'] & string;

/** The translated reason for a row's code; the server's own message follows it with the details. */
function useReason() {
  const { t } = useTranslation();
  return (code: string) =>
    Object.hasOwn(sourceMessages.exchange.reason, code) ? t(`exchange.reason.${code as ReasonCode}`) : null;
}

function Reason({ code, message }: { code: string; message: string }) {
  const reason = useReason()(code);
  return (
    <>
      {reason && <span className="import-rows__reason">{reason}</span>}
      {/* The server writes its details in English: read as English, set left to right inside the column. */}
      <span className="import-rows__detail" lang="en">
        <bdi>{message}</bdi>
      </span>
    </>
  );
}

function Counts({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { report } = summary;
  const skipped = report.skipped.length + (report.skippedMore ?? 0);
  const items: Array<[string, number]> = [
    [t('exchange.report.created'), report.created],
    [t('exchange.report.updated'), report.updated],
  ];
  if (report.unchanged !== undefined) items.push([t('exchange.report.unchanged'), report.unchanged]);
  items.push([t('exchange.report.skipped'), skipped]);
  return (
    <dl className="import-counts">
      {items.map(([label, value]) => (
        <div key={label} className="import-counts__item">
          <dt>{label}</dt>
          <dd>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function LayerLine({ layer }: { layer: Record<string, unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (key: string) => (typeof layer[key] === 'number' ? format.number(layer[key] as number) : null);
  const population = count('population');
  const cells = count('cellCount');
  const edges = count('edgeCount');
  const parts = [
    typeof layer.name === 'string' ? t('exchange.report.layer', { name: layer.name }) : null,
    population && t('exchange.report.layerPopulation', { value: population }),
    cells && t('exchange.report.layerCells', { value: cells }),
    edges && t('exchange.report.layerEdges', { value: edges }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="import-report__layer">{parts.join(' · ')}</p>;
}

/** What an import did, or for a refused file why nothing was written, row by row. */
export function ImportReportView({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { report } = summary;
  const failed = summary.status === 'failed';
  const problemRows = report.rejectedRows ?? new Set(report.rejected.map((row) => row.row)).size;
  return (
    <div className={failed ? 'import-report import-report--failed' : 'import-report import-report--done'}>
      <p className="import-report__title">
        <Icon name={failed ? 'alert' : 'check'} />
        <span>{failed ? t('exchange.report.refused') : t('exchange.report.done', { file: summary.fileName })}</span>
      </p>
      {failed ? (
        <p>
          {report.error
            ? t(errorKey(report.error.code))
            : t('exchange.report.refusedRows', {
                rows: format.number(problemRows),
                total: format.number(summary.rowsTotal),
              })}
        </p>
      ) : (
        <>
          <Counts summary={summary} />
          {report.layer && <LayerLine layer={report.layer} />}
        </>
      )}
      {report.rejected.length > 0 && (
        <div className="report-table-wrap">
          <table className="report-table import-rows">
            <caption>{t('exchange.report.rejectedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.report.row')}</th>
                <th scope="col">{t('exchange.report.field')}</th>
                <th scope="col">{t('exchange.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((row) => (
                <tr key={`${row.row}|${row.field ?? ''}|${row.code}|${row.message}`}>
                  <td className="import-rows__row">
                    {format.number(row.row)}
                    {row.id && (
                      <span className="import-rows__id">
                        <bdi>{row.id}</bdi>
                      </span>
                    )}
                  </td>
                  <td>
                    <code dir="ltr">{row.field ?? '–'}</code>
                  </td>
                  <td className="import-rows__why">
                    <Reason code={row.code} message={row.message} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {(report.rejectedMore ?? 0) > 0 && (
            <p className="import-report__more">{t('exchange.report.more', { count: report.rejectedMore ?? 0 })}</p>
          )}
        </div>
      )}
      {!failed && report.skipped.length > 0 && (
        <details className="import-report__skipped">
          <summary>{t('exchange.report.skippedList', { count: report.skipped.length })}</summary>
          <div className="report-table-wrap">
            <table className="report-table import-rows">
              <thead>
                <tr>
                  <th scope="col">{t('exchange.report.row')}</th>
                  <th scope="col">{t('exchange.report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.skipped.map((row) => (
                  <tr key={`${row.row}|${row.code}|${row.reason}`}>
                    <td className="import-rows__row">{format.number(row.row)}</td>
                    <td className="import-rows__why">
                      <Reason code={row.code} message={row.reason} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/status.tsx';
import { useFormat } from '../format.ts';
import { useDateFormat } from '../records/use-date-format.ts';
import type { ApiResource } from '../report/use-api.ts';
import { ImportReportView } from './import-report.tsx';
import { type ImportSummary, isImportFormat } from './imports-api.ts';
import './imports.css';

/** The last imports, newest first; each one's report opens in place. */
export function RecentImports({ imports }: { imports: ApiResource<ImportSummary[]> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates = useDateFormat();
  const [open, setOpen] = useState<string | null>(null);
  if (imports.status === 'loading') return <Loading />;
  if (imports.status === 'error') {
    return <LoadError title={t('exchange.recent.loadError')} error={imports.error} onRetry={imports.retry} />;
  }
  if (imports.data.length === 0) return <p className="empty">{t('exchange.recent.empty')}</p>;
  return (
    <ul className="recent-imports">
      {imports.data.map((item) => {
        const shown = open === item.id;
        return (
          <li key={item.id} className="recent-import">
            <div className="recent-import__line">
              <span className={`status-chip status-chip--${item.status}`}>
                {item.status === 'done' ? t('exchange.recent.done') : t('exchange.recent.failed')}
              </span>
              <span className="recent-import__file">{item.fileName}</span>
              <span className="recent-import__meta">
                {isImportFormat(item.format) ? t(`exchange.format.${item.format}.name`) : item.format}
                {' · '}
                {dates.dateTime(item.createdAt)}
                {' · '}
                {t('exchange.recent.rows', {
                  imported: format.number(item.rowsImported),
                  total: format.number(item.rowsTotal),
                })}
              </span>
              <button
                type="button"
                className="button button--secondary recent-import__toggle"
                aria-expanded={shown}
                onClick={() => setOpen(shown ? null : item.id)}
              >
                {shown ? t('exchange.recent.hideReport') : t('exchange.recent.showReport')}
              </button>
            </div>
            {shown && <ImportReportView summary={item} />}
          </li>
        );
      })}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import { KINDS } from './figures.ts';
import type { SessionFigures } from './report-api.ts';
import type { Labels } from './use-labels.ts';

/** What each participation format produced: one row per survey session, newest first. */
export function SessionTable({
  sessions,
  quarterNames,
  labels,
}: {
  sessions: SessionFigures[];
  quarterNames: ReadonlyMap<string, string>;
  labels: Labels;
}) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <p className="empty">{t('report.sessions.empty')}</p>;
  const showQuarter = new Set(sessions.map((session) => session.quarterId)).size > 1;
  return (
    <div className="report-table-wrap">
      <table className="report-table report-table--sessions">
        <caption className="visually-hidden">{t('report.sessions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.sessions.session')}</th>
            <th scope="col">{t('report.sessions.kind')}</th>
            {showQuarter && <th scope="col">{t('report.quarters.quarter')}</th>}
            <th scope="col">{t('report.sessions.date')}</th>
            {KINDS.map((kind) => (
              <th key={kind} scope="col" className="report-table__num">
                <span className={`kind-dot kind-dot--${kind}`} aria-hidden="true" />
                {t(`report.kinds.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const start = labels.date(session.startedAt);
            const end = session.endedAt ? labels.date(session.endedAt) : null;
            return (
              <tr key={session.id}>
                <th scope="row">{session.title}</th>
                <td>{labels.sessionKind(session.kind)}</td>
                {showQuarter && <td>{quarterNames.get(session.quarterId) ?? session.quarterId}</td>}
                <td className="report-table__date">
                  {end === null
                    ? t('report.sessions.running', { start })
                    : end === start
                      ? start
                      : t('report.sessions.range', { start, end })}
                </td>
                {KINDS.map((kind) => (
                  <td key={kind} className="report-table__num">
                    {labels.number(session.records[kind])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

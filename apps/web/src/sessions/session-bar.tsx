import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataErrorKey, endSession, type LocalSession, useActiveSession, useLocalRecords } from '../data/index.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from '../records/use-date-format.ts';
import { SessionStartForm, type StartableKind } from './session-start-form.tsx';
import './sessions.css';

function ActiveSession({ session, quarterId }: { session: LocalSession; quarterId: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const records = useLocalRecords({ sessionId: session.id });
  const [error, setError] = useState<ReturnType<typeof dataErrorKey> | null>(null);

  const end = async () => {
    setError(null);
    try {
      await endSession(session.id);
    } catch (caught) {
      setError(dataErrorKey(caught));
    }
  };

  return (
    <div className="session-bar__active">
      <span className="session-bar__icon">
        <Pictogram name={session.kind === 'quartierszirkel' ? 'meeting' : 'pin'} size={24} />
      </span>
      <div className="session-bar__body">
        <p className="session-bar__title">
          <bdi>{session.title}</bdi>
        </p>
        <p className="session-bar__meta">
          <span>{t(`sessions.kind.${session.kind}`)}</span>
          <span>{t('sessions.since', { time: format.time(session.startedAt) })}</span>
          {records !== undefined && <span>{t('sessions.recordCount', { count: records.length })}</span>}
        </p>
        {session.quarterId !== quarterId && <p className="session-bar__warning">{t('sessions.otherQuarter')}</p>}
        {error && (
          <p className="sessions-error" role="alert">
            {t(error)}
          </p>
        )}
      </div>
      <button type="button" className="button button--secondary session-bar__end" onClick={() => void end()}>
        {t('sessions.end')}
      </button>
    </div>
  );
}

/** Which survey session new records join; start a walkabout or Quartierszirkel, or end the running one. */
export function SessionBar({ quarterId }: { quarterId: string }) {
  const { t } = useTranslation();
  const active = useActiveSession();
  const [starting, setStarting] = useState<StartableKind | null>(null);

  return (
    <section className="session-bar" aria-label={t('sessions.region')}>
      {active && <ActiveSession session={active} quarterId={quarterId} />}
      {active === null && starting !== null && (
        <SessionStartForm kind={starting} quarterId={quarterId} onDone={() => setStarting(null)} />
      )}
      {active === null && starting === null && (
        <div className="session-bar__idle">
          <p className="session-bar__none">{t('sessions.none')}</p>
          <div className="session-bar__actions">
            <button type="button" className="button button--secondary" onClick={() => setStarting('walkabout')}>
              <Pictogram name="pin" size={20} />
              <span>{t('sessions.start.walkabout')}</span>
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStarting('quartierszirkel')}>
              <Pictogram name="meeting" size={20} />
              <span>{t('sessions.start.quartierszirkel')}</span>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

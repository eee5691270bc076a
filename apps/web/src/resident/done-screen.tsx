import { formatReceipt, type Taxonomy } from '@quartiersatlas/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { OwnSubmissions, SendNow, SubmissionStatus } from './own-submissions.tsx';
import { residentDb } from './resident-db.ts';

/** The large receipt code, copy and print, whether it was sent yet, and what happens next. */
export function DoneScreen({
  receipt,
  linkCode,
  taxonomy,
  onAnother,
}: {
  receipt: string;
  linkCode: string;
  taxonomy: Taxonomy;
  onAnother(): void;
}) {
  const { t } = useTranslation();
  const item = useLiveQuery(() => residentDb.outbox.get(receipt), [receipt]);
  const [copied, setCopied] = useState(false);
  const code = formatReceipt(receipt);
  const copy = () => {
    void navigator.clipboard?.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section className="resident-step resident-done">
      <h1 className="resident-step__title resident-done__title">
        <span className="resident-step__icon resident-done__icon">
          <Pictogram name="check" size={32} />
        </span>
        <span>{t('resident.done.heading')}</span>
      </h1>
      <div className="resident-card resident-receipt">
        <p className="resident-receipt__label">{t('resident.done.receiptLabel')}</p>
        <p className="resident-receipt__code" dir="ltr" translate="no">
          {code}
        </p>
        {item && (
          <div className="resident-receipt__status" role="status">
            <SubmissionStatus item={item} />
            {item.state === 'failed' && item.error && <p className="resident-problem">{t(errorKey(item.error))}</p>}
          </div>
        )}
        <p className="resident-receipt__hint">{t('resident.done.receiptHint')}</p>
        <div className="resident-receipt__actions">
          <button type="button" className="button button--secondary" onClick={copy}>
            <Pictogram name={copied ? 'check' : 'copy'} size={20} />
            {copied ? t('resident.done.copied') : t('resident.done.copy')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            <Pictogram name="print" size={20} />
            {t('resident.done.print')}
          </button>
        </div>
        {item && <SendNow items={[item]} />}
      </div>
      <section className="resident-card resident-next" aria-labelledby="resident-next-title">
        <h2 id="resident-next-title" className="resident-section__title">
          {t('resident.done.nextHeading')}
        </h2>
        <ol className="resident-next__list">
          <li>
            <Icon name="shield-check" />
            <span>{t('resident.done.nextCheck')}</span>
          </li>
          <li>
            <Icon name="map" />
            <span>{t('resident.done.nextMap')}</span>
          </li>
          <li>
            <Icon name="download" />
            <span>{t('resident.done.nextReceipt')}</span>
          </li>
        </ol>
        <a className="button button--secondary" href={`/receipt/${receipt}`}>
          {t('resident.done.open')}
        </a>
      </section>
      <div className="resident-actions resident-done__again">
        <button type="button" className="button button--primary resident-actions__main" onClick={onAnother}>
          <Pictogram name="plus" />
          {t('resident.done.another')}
        </button>
      </div>
      <OwnSubmissions linkCode={linkCode} taxonomy={taxonomy} />
    </section>
  );
}

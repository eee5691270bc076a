import { findCategory, formatReceipt, type Taxonomy } from '@quartiersatlas/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { errorKey, isLabelKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useOnline } from '../shell/online.ts';
import { retryFailed, sendPending } from './outbox.ts';
import type { OutboxItem } from './resident-db.ts';
import { useOwnSubmissions } from './use-outbox-sender.ts';

/** "Waiting to be sent" / "Sent" / "Not accepted" with the reason. */
export function SubmissionStatus({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const icon = item.state === 'sent' ? 'check' : item.state === 'waiting' ? 'pending' : 'alert';
  return (
    <span className={`resident-status resident-status--${item.state}`}>
      <Pictogram name={icon} size={18} />
      <span>{t(`resident.status.${item.state}`)}</span>
    </span>
  );
}

/** "Send now", for when the person knows the network is back before the phone does. */
export function SendNow({ items }: { items: OutboxItem[] }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  if (!items.some((item) => item.state === 'waiting')) return null;
  return (
    <div className="resident-send-now">
      <p className="resident-section__hint">
        {online ? t('resident.status.waitingHint') : t('resident.status.offlineHint')}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        aria-busy={busy}
        onClick={() => {
          setBusy(true);
          void sendPending({ force: true }).finally(() => setBusy(false));
        }}
      >
        <Icon name="cloud-up" />
        {t('resident.status.sendNow')}
      </button>
    </div>
  );
}

function Row({ item, taxonomy }: { item: OutboxItem; taxonomy: Taxonomy | null }) {
  const { t, i18n } = useTranslation();
  const category = taxonomy ? findCategory(taxonomy, item.feature.properties.category) : undefined;
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(item.createdAt),
  );
  const code = formatReceipt(item.receipt);
  return (
    <li className="resident-own__item">
      <span className="resident-own__icon">
        <Pictogram name={category?.icon ?? 'need'} size={24} />
      </span>
      <span className="resident-own__body">
        <span className="resident-own__title">
          {category && isLabelKey(category.labelKey) ? t(category.labelKey) : item.feature.properties.category}
        </span>
        <span className="resident-own__meta">{date}</span>
        <a className="resident-own__code" href={`/receipt/${item.receipt}`} dir="ltr">
          {code}
        </a>
        {item.state === 'failed' && item.error && <span className="resident-problem">{t(errorKey(item.error))}</span>}
      </span>
      <span className="resident-own__state">
        <SubmissionStatus item={item} />
        {item.state === 'failed' && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void retryFailed(item.receipt).then(() => sendPending({ force: true }))}
          >
            {t('common.retry')}
          </button>
        )}
      </span>
    </li>
  );
}

/** The link page's list of what this phone has submitted, with receipt codes and whether it was sent. */
export function OwnSubmissions({ linkCode, taxonomy }: { linkCode?: string; taxonomy: Taxonomy | null }) {
  const { t } = useTranslation();
  const items = useOwnSubmissions(linkCode);
  if (!items || items.length === 0) return null;
  return (
    <section className="resident-card resident-own" aria-labelledby="resident-own-title">
      <h2 id="resident-own-title" className="resident-section__title">
        <Icon name="list" />
        {t('resident.own.heading')}
      </h2>
      <ul className="resident-own__list">
        {items.map((item) => (
          <Row key={item.receipt} item={item} taxonomy={taxonomy} />
        ))}
      </ul>
      <SendNow items={items} />
    </section>
  );
}

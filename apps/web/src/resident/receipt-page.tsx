import { findCategory, formatReceipt, normalizeReceipt, type Taxonomy } from '@quartiersatlas/domain';
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import type { QuarterCollection } from '../api/endpoints.ts';
import { Icon } from '../components/icon.tsx';
import { Loading } from '../components/status.tsx';
import { DownloadButton } from '../exchange/download-button.tsx';
import { errorKey, isLabelKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { MapRecord } from '../map/index.ts';
import { MapFrame } from '../shell/map-frame.tsx';
import { mapQuarters } from '../shell/map-records.ts';
import { deleteSubmission, exportUrl, fetchSubmission, mediaUrl, type ReceiptSubmission } from './receipt-api.ts';
import { residentDb } from './resident-db.ts';
import { ResidentFrame } from './resident-frame.tsx';
import { TARGET_GROUP_ICONS } from './target-groups.tsx';
import { useCachedPublic } from './use-resident-data.ts';
import './receipt.css';

type View =
  | { status: 'idle' }
  | { status: 'loading'; receipt: string }
  | { status: 'ready'; receipt: string; submission: ReceiptSubmission }
  | { status: 'failed'; receipt: string; error: ApiError; waitingHere: boolean }
  | { status: 'deleted' };

function CodeForm({ initial, onCode }: { initial: string; onCode(code: string): void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeReceipt(value);
    setInvalid(code === null);
    if (code) onCode(code);
  };
  return (
    <form className="resident-card receipt-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="resident-section__title">
        {t('receipt.code')}
      </label>
      <p id={hintId} className="resident-section__hint">
        {invalid ? <span className="resident-problem">{t('receipt.invalid')}</span> : t('receipt.codeHint')}
      </p>
      <div className="receipt-form__row">
        <input
          id={inputId}
          className="receipt-form__input"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={hintId}
          aria-invalid={invalid}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          maxLength={20}
        />
        <button type="submit" className="button button--primary">
          {t('receipt.show')}
        </button>
      </div>
    </form>
  );
}

function Field({ icon, label, children }: { icon: string; label: string; children: ReactNode }) {
  return (
    <div className="receipt-field">
      <dt>
        <Pictogram name={icon} size={20} />
        {label}
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

function Submission({
  receipt,
  submission,
  taxonomy,
  quarters,
  basemapStyleUrl,
  onDeleted,
}: {
  receipt: string;
  submission: ReceiptSubmission;
  taxonomy: Taxonomy | null;
  quarters: QuarterCollection | null;
  basemapStyleUrl: string | null;
  onDeleted(): void;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const { properties, geometry } = submission.feature;
  const category = taxonomy ? findCategory(taxonomy, properties.category) : undefined;
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(submission.submittedAt),
  );
  const shapes = useMemo(() => (quarters ? mapQuarters(quarters) : []), [quarters]);
  const records = useMemo<MapRecord[]>(
    () => [
      {
        id: submission.id,
        kind: 'need',
        category: properties.category,
        icon: category?.icon ?? 'need',
        label: t('receipt.yourPlace'),
        geometry: { type: 'Point', coordinates: geometry.coordinates },
        pending: false,
      },
    ],
    [submission.id, properties.category, category, geometry.coordinates, t],
  );
  const groups = properties.targetGroups ?? [];
  const media = properties.media ?? [];

  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteSubmission(receipt);
      await residentDb.outbox.delete(receipt);
      onDeleted();
    } catch (error) {
      setDeleteError(toApiError(error));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <article className="receipt-view" aria-labelledby="receipt-view-title">
      <div className="resident-card">
        <h2 id="receipt-view-title" className="receipt-view__code" dir="ltr">
          {formatReceipt(receipt)}
        </h2>
        <p className={`receipt-badge receipt-badge--${submission.status}`}>
          <Pictogram
            name={submission.status === 'published' ? 'check' : submission.status === 'pending' ? 'pending' : 'close'}
            size={18}
          />
          {t(`receipt.status.${submission.status}`)}
        </p>
        <p className="resident-section__hint">{t(`receipt.statusHint.${submission.status}`)}</p>
        <p className="receipt-view__date">{t('receipt.submittedAt', { date })}</p>
      </div>
      <dl className="resident-card receipt-fields">
        <Field icon={category?.icon ?? 'need'} label={t('resident.consent.what')}>
          {category && isLabelKey(category.labelKey) ? t(category.labelKey) : properties.category}
        </Field>
        <Field icon="pin" label={t('resident.consent.where')}>
          <span className="receipt-map">
            <MapFrame
              quarters={shapes}
              focusQuarterId={properties.quarterId}
              records={records}
              mode={{ type: 'browse' }}
              basemapStyleUrl={basemapStyleUrl}
            />
          </span>
          <span className="resident-section__hint">{t('receipt.placeHint')}</span>
        </Field>
        {properties.text && (
          <Field icon="chat" label={t('resident.consent.text')}>
            <span className="receipt-text" lang={properties.lang}>
              {properties.text}
            </span>
            <span className="resident-section__hint">
              {submission.textPublic ? t('receipt.textPublic') : t('receipt.textPrivate')}
            </span>
          </Field>
        )}
        {media.length > 0 && (
          <Field icon="need" label={t('resident.consent.voice')}>
            {media.map((sha256, index) => (
              // biome-ignore lint/a11y/useMediaCaption: the resident's own spoken note has no transcript
              <audio
                key={sha256}
                className="receipt-audio"
                controls
                preload="none"
                src={mediaUrl(receipt, sha256)}
                aria-label={t('capture.voice.label', { number: index + 1 })}
              />
            ))}
          </Field>
        )}
        <Field
          icon={groups.length === 1 ? TARGET_GROUP_ICONS[groups[0] as keyof typeof TARGET_GROUP_ICONS] : 'community'}
          label={t('resident.consent.who')}
        >
          {groups.length === 0
            ? t('resident.consent.everyone')
            : groups.map((group) => t(`targetGroup.${group as keyof typeof TARGET_GROUP_ICONS}`)).join(', ')}
        </Field>
      </dl>
      <section className="resident-card receipt-actions" aria-labelledby="receipt-actions-title">
        <h2 id="receipt-actions-title" className="resident-section__title">
          {t('receipt.yourData')}
        </h2>
        <DownloadButton
          url={exportUrl(receipt)}
          label={t('receipt.download')}
          fallbackName={`quartiersatlas-submission-${receipt}.json`}
        />
        {!confirming ? (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            <Pictogram name="trash" size={20} />
            {t('receipt.delete')}
          </button>
        ) : (
          <section className="receipt-confirm" aria-labelledby="receipt-confirm-title">
            <p id="receipt-confirm-title" className="receipt-confirm__title">
              {t('receipt.confirmTitle')}
            </p>
            <p>{t('receipt.confirmText')}</p>
            <div className="receipt-confirm__buttons">
              <button
                type="button"
                className="button button--danger"
                onClick={() => void remove()}
                disabled={deleting}
                aria-busy={deleting}
              >
                {t('receipt.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {t('receipt.cancel')}
              </button>
            </div>
          </section>
        )}
        <div role="alert">
          {deleteError && (
            <p className="resident-problem">
              {t('receipt.deleteFailed')} {t(errorKey(deleteError.code))}
            </p>
          )}
        </div>
      </section>
    </article>
  );
}

/**
 * `/receipt[/<code>]`: with the receipt code a resident sees their submission, downloads their data
 * or deletes it. No account: the code is the key, so the page never shows more than that one submission.
 */
export function ReceiptPage({ receipt }: { receipt: string | null }) {
  const { t } = useTranslation();
  const taxonomy = useCachedPublic('taxonomy');
  const quarters = useCachedPublic('quarters');
  const config = useCachedPublic('config');
  const [view, setView] = useState<View>(receipt ? { status: 'loading', receipt } : { status: 'idle' });
  // A new object for every "show" and "try again", so the same code can be asked for again.
  const loading = view.status === 'loading' ? view : null;

  useEffect(() => {
    if (loading === null) return;
    const current = loading.receipt;
    const controller = new AbortController();
    fetchSubmission(current, controller.signal)
      .then((submission) => setView({ status: 'ready', receipt: current, submission }))
      .catch(async (error: unknown) => {
        if (controller.signal.aborted) return;
        const local = await residentDb.outbox.get(current);
        setView({
          status: 'failed',
          receipt: current,
          error: toApiError(error),
          waitingHere: local?.state === 'waiting',
        });
      });
    return () => controller.abort();
  }, [loading]);

  const open = (code: string) => {
    window.history.pushState(null, '', `/receipt/${code}`);
    setView({ status: 'loading', receipt: code });
  };

  return (
    <ResidentFrame>
      <div className="resident-step receipt-page">
        <h1 className="resident-step__title">
          <span className="resident-step__icon">
            <Icon name="shield-check" />
          </span>
          <span>{t('receipt.title')}</span>
        </h1>
        <p className="resident-step__hint">{t('receipt.intro')}</p>
        {view.status === 'deleted' ? (
          <div className="resident-card receipt-deleted" role="status">
            <p className="resident-section__title">
              <Pictogram name="check" size={24} />
              {t('receipt.deleted')}
            </p>
            <p>{t('receipt.deletedHint')}</p>
          </div>
        ) : (
          <CodeForm initial={receipt ? formatReceipt(receipt) : ''} onCode={open} />
        )}
        {view.status === 'loading' && <Loading />}
        {view.status === 'failed' && (
          <div className="notice notice--error" role="alert">
            <Icon name="alert" className="notice__icon" />
            <div className="notice__body">
              <p className="notice__title">{t('receipt.loadFailed')}</p>
              <p>{view.waitingHere ? t('receipt.waitingHere') : t(errorKey(view.error.code))}</p>
              {view.error.code !== 'RECEIPT_NOT_FOUND' && (
                <button
                  type="button"
                  className="button button--secondary notice__action"
                  onClick={() => open(view.receipt)}
                >
                  {t('common.retry')}
                </button>
              )}
            </div>
          </div>
        )}
        {view.status === 'ready' && (
          <Submission
            receipt={view.receipt}
            submission={view.submission}
            taxonomy={taxonomy.status === 'ready' ? taxonomy.data : null}
            quarters={quarters.status === 'ready' ? quarters.data : null}
            basemapStyleUrl={config.status === 'ready' ? config.data.basemap.styleUrl : null}
            onDeleted={() => setView({ status: 'deleted' })}
          />
        )}
      </div>
    </ResidentFrame>
  );
}

import type { ResidentLink } from '@quartiersatlas/domain';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from '../records/use-date-format.ts';
import { LanguageNames, type LinkNames } from './link-names.tsx';
import { closeLink, linkUrl, shortLinkUrl } from './links-api.ts';
import { QrCode } from './qr-code.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="review-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type Copied = 'copied' | 'manual' | null;

/** The address with a copy button, the QR code and the way to the poster. */
function Share({ link, onPrintPoster }: { link: ResidentLink; onPrintPoster(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const url = linkUrl(link);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      // No clipboard (an address without HTTPS, a refused permission): the address is selected to copy by hand.
      field.current?.select();
      setCopied('manual');
    }
  };

  return (
    <section className="link-share" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="review-detail__subheading">
        {t('links.share.heading')}
      </h3>
      <div className="link-share__body">
        <QrCode text={url} label={t('links.qrLabel', { url: shortLinkUrl(link) })} className="link-share__qr" />
        <div className="link-share__side">
          <label htmlFor={`${id}-url`} className="link-share__label">
            {t('links.share.address')}
          </label>
          <div className="link-share__row">
            <input
              ref={field}
              id={`${id}-url`}
              className="link-share__url"
              readOnly
              dir="ltr"
              value={url}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              {copied === 'copied' && <Pictogram name="check" size={20} />}
              <span>{t('links.share.copy')}</span>
            </button>
          </div>
          <p className="link-share__status" role="status">
            {copied && t(copied === 'copied' ? 'links.share.copied' : 'links.share.copyManually')}
          </p>
          <button type="button" className="button button--primary" onClick={onPrintPoster}>
            <Pictogram name="download" size={20} />
            <span>{t('links.share.poster')}</span>
          </button>
          <p className="link-form__hint">{t('links.share.posterHint', { count: link.languages.length })}</p>
        </div>
      </div>
    </section>
  );
}

/** Asks before closing: residents who scan the poster afterwards are told the link is closed. */
function CloseLink({ link, onClosed }: { link: ResidentLink; onClosed(link: ResidentLink): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);

  const close = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await closeLink(link.id);
      onClosed({ ...link, revokedAt: new Date().toISOString() });
    } catch (error) {
      const apiError = toApiError(error);
      // Closed by someone else meanwhile: the link is closed all the same.
      if (apiError.code === 'LINK_REVOKED') onClosed({ ...link, revokedAt: new Date().toISOString() });
      else setFailure(apiError);
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <div className="review-actions">
        <button
          type="button"
          className="button button--secondary review-button--reject"
          onClick={() => setAsking(true)}
        >
          <Pictogram name="close" size={20} />
          <span>{t('links.close.button')}</span>
        </button>
      </div>
    );
  }
  return (
    <div className="reject-form link-close">
      <p className="link-close__question">{t('links.close.question', { title: link.title })}</p>
      <p className="reject-form__hint">{t('links.close.explain')}</p>
      {failure && (
        <p className="form-error" role="alert">
          <Pictogram name="alert" size={18} />
          <span>{t(errorKey(failure.code))}</span>
        </p>
      )}
      <div className="reject-form__actions">
        <button
          ref={confirmButton}
          type="button"
          className="button review-button--danger"
          disabled={busy}
          onClick={() => void close()}
        >
          <Pictogram name="close" size={20} />
          <span>{t('links.close.confirm')}</span>
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => setAsking(false)}>
          {t('links.close.cancel')}
        </button>
      </div>
    </div>
  );
}

/** One resident link: what it is for, how many came through it, its address, QR code and poster. */
export function LinkDetail({
  link,
  names,
  headingId,
  justCreated,
  onPrintPoster,
  onClosed,
}: {
  link: ResidentLink;
  names: LinkNames;
  headingId: string;
  justCreated: boolean;
  onPrintPoster(link: ResidentLink): void;
  onClosed(link: ResidentLink): void;
}) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const closed = link.revokedAt !== null;
  const session = names.session(link.sessionId);
  return (
    <article className="review-detail link-detail" aria-labelledby={headingId}>
      <header className="review-detail__head">
        <span className="review-row__icon link-row__icon">
          <Pictogram name={closed ? 'close' : 'community'} size={32} />
        </span>
        <div>
          <h2 id={headingId} className="review-detail__title" tabIndex={-1}>
            <bdi>{link.title}</bdi>
          </h2>
          <p className="review-detail__meta">
            <span>{names.quarter(link.quarterId)}</span>
            <span className={closed ? 'review-badge link-badge--closed' : 'review-badge link-badge--open'}>
              {t(closed ? 'links.status.closed' : 'links.status.open')}
            </span>
          </p>
        </div>
      </header>
      {justCreated && (
        <p className="notice link-notice--done" role="status">
          <Pictogram name="check" size={20} />
          <span>{t('links.created')}</span>
        </p>
      )}
      <dl className="review-facts">
        <Fact label={t('links.field.session')}>{session ? <bdi>{session}</bdi> : t('links.noSession')}</Fact>
        <Fact label={t('links.field.languages')}>
          <LanguageNames codes={link.languages} />
        </Fact>
        <Fact label={t('links.field.created')}>
          <time dateTime={link.createdAt}>{dates.dateTime(link.createdAt)}</time>
        </Fact>
        <Fact label={t('links.field.submissions')}>{t('links.submissions', { count: link.submissions })}</Fact>
        {link.revokedAt && (
          <Fact label={t('links.field.closed')}>
            <time dateTime={link.revokedAt}>{dates.dateTime(link.revokedAt)}</time>
          </Fact>
        )}
      </dl>
      {closed ? (
        <p className="review-muted">{t('links.closedExplain')}</p>
      ) : (
        <>
          <Share link={link} onPrintPoster={() => onPrintPoster(link)} />
          <CloseLink link={link} onClosed={onClosed} />
        </>
      )}
    </article>
  );
}

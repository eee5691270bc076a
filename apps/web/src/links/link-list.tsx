import type { ResidentLink } from '@quartiersatlas/domain';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from '../records/use-date-format.ts';
import { LanguageNames, type LinkNames } from './link-names.tsx';
import type { ResidentLinks } from './links-api.ts';

function LinkRow({
  link,
  selected,
  names,
  onSelect,
}: {
  link: ResidentLink;
  selected: boolean;
  names: LinkNames;
  onSelect(link: ResidentLink): void;
}) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const closed = link.revokedAt !== null;
  const session = names.session(link.sessionId);
  return (
    <li>
      <button
        type="button"
        className="review-row link-row"
        aria-current={selected ? 'true' : undefined}
        data-link-id={link.id}
        data-closed={closed}
        onClick={() => onSelect(link)}
      >
        <span className="review-row__icon link-row__icon">
          <Pictogram name={closed ? 'close' : 'community'} size={26} />
        </span>
        <span className="review-row__body">
          <span className="review-row__title">
            <bdi>{link.title}</bdi>
          </span>
          <span className="review-row__meta">
            <span>{names.quarter(link.quarterId)}</span>
            {session && <bdi>{session}</bdi>}
            <time dateTime={link.createdAt}>{dates.date(link.createdAt)}</time>
          </span>
          <span className="review-row__meta">
            <LanguageNames codes={link.languages} />
          </span>
          <span className="review-row__meta">
            <span>{t('links.submissions', { count: link.submissions })}</span>
            <span className={closed ? 'review-badge link-badge--closed' : 'review-badge link-badge--open'}>
              {t(closed ? 'links.status.closed' : 'links.status.open')}
            </span>
          </span>
        </span>
      </button>
    </li>
  );
}

/** The planner's resident links, newest first, with a button for a new one. */
export function LinkList({
  links,
  selectedId,
  names,
  onSelect,
  onNew,
}: {
  links: ResidentLinks;
  selectedId: string | null;
  names: LinkNames;
  onSelect(link: ResidentLink): void;
  onNew(): void;
}) {
  const { t } = useTranslation();
  const { state } = links;
  const open = state.links.filter((link) => link.revokedAt === null).length;
  return (
    <div className="review-list">
      <button
        type="button"
        className="button button--primary link-list__new"
        aria-current={selectedId === 'new' ? 'true' : undefined}
        onClick={onNew}
      >
        <Pictogram name="plus" size={20} />
        <span>{t('links.new')}</span>
      </button>
      {state.status === 'loading' && state.links.length === 0 && (
        <p className="loading review-list__state" role="status">
          <span className="loading__spinner" aria-hidden="true" />
          <span>{t('common.loading')}</span>
        </p>
      )}
      {state.status === 'error' && (
        <div className="review-problem" role="alert">
          <p>{t(errorKey(state.error.code))}</p>
          <button type="button" className="button button--secondary" onClick={links.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.links.length === 0 && (
        <div className="review-empty">
          <span className="review-empty__icon">
            <Pictogram name="community" size={28} />
          </span>
          <p role="status">{t('links.empty')}</p>
        </div>
      )}
      {state.links.length > 0 && (
        <div className="review-list__head">
          <p className="review-list__count" role="status">
            {t('links.count', { count: state.links.length, open })}
          </p>
          <button type="button" className="button button--secondary review-list__reload" onClick={links.reload}>
            <Icon name="refresh" />
            <span>{t('review.reload')}</span>
          </button>
        </div>
      )}
      {state.links.length > 0 && (
        <ul className="review-list__items" aria-label={t('review.tab.links')}>
          {state.links.map((link) => (
            <LinkRow key={link.id} link={link} selected={link.id === selectedId} names={names} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </div>
  );
}

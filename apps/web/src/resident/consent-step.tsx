import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLabelKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { Draft } from './resident-db.ts';
import { StepHead } from './resident-frame.tsx';
import { TARGET_GROUP_ICONS } from './target-groups.tsx';

function SummaryRow({ icon, label, children }: { icon: string; label: string; children: ReactNode }) {
  return (
    <li className="resident-summary__row">
      <span className="resident-summary__icon">
        <Pictogram name={icon} size={24} />
      </span>
      <span className="resident-summary__body">
        <span className="resident-summary__label">{label}</span>
        <span className="resident-summary__value">{children}</span>
      </span>
    </li>
  );
}

/** What will be sent, the consent in three short sentences, and one button that agrees and sends. */
export function ConsentStep({
  draft,
  taxonomy,
  quarterName,
  busy,
  error,
  onBack,
  onSend,
}: {
  draft: Draft;
  taxonomy: Taxonomy;
  quarterName: string;
  busy: boolean;
  error: string | null;
  onBack(): void;
  onSend(): void;
}) {
  const { t } = useTranslation();
  const category = draft.category ? findCategory(taxonomy, draft.category) : undefined;
  const text = draft.text.trim();
  return (
    <section className="resident-step">
      <StepHead step="consent" title={t('resident.consent.heading')} onBack={onBack} />
      <ul className="resident-card resident-summary" aria-label={t('resident.consent.summary')}>
        {category && (
          <SummaryRow icon={category.icon} label={t('resident.consent.what')}>
            {isLabelKey(category.labelKey) ? t(category.labelKey) : category.id}
          </SummaryRow>
        )}
        <SummaryRow icon="pin" label={t('resident.consent.where')}>
          {draft.pointSource === 'location'
            ? t('resident.consent.nearYou', { quarter: quarterName })
            : t('resident.consent.onMap', { quarter: quarterName })}
        </SummaryRow>
        {text !== '' && (
          <SummaryRow icon="chat" label={t('resident.consent.text')}>
            <span className="resident-summary__text">{text}</span>
          </SummaryRow>
        )}
        {draft.voice.length > 0 && (
          <SummaryRow icon="need" label={t('resident.consent.voice')}>
            {t('resident.consent.voiceAdded', { number: draft.voice.length })}
          </SummaryRow>
        )}
        <SummaryRow
          icon={
            draft.targetGroups.length === 1
              ? TARGET_GROUP_ICONS[draft.targetGroups[0] as keyof typeof TARGET_GROUP_ICONS]
              : 'community'
          }
          label={t('resident.consent.who')}
        >
          {draft.targetGroups.length === 0
            ? t('resident.consent.everyone')
            : draft.targetGroups
                .map((group) => t(`targetGroup.${group as keyof typeof TARGET_GROUP_ICONS}`))
                .join(', ')}
        </SummaryRow>
      </ul>
      <div className="resident-card resident-consent">
        <p>
          <Pictogram name="check" size={20} />
          <span>{t('resident.consent.anonymous')}</span>
        </p>
        <p>
          <Pictogram name="pin" size={20} />
          <span>{t('resident.consent.place')}</span>
        </p>
        <p>
          <Pictogram name="trash" size={20} />
          <span>{t('resident.consent.receipt')}</span>
        </p>
        <a className="resident-consent__link" href="/privacy">
          {t('resident.consent.privacyLink')}
        </a>
      </div>
      <div role="alert">{error && <p className="resident-problem">{error}</p>}</div>
      <div className="resident-actions">
        <button
          type="button"
          className="button button--primary resident-actions__main resident-send"
          onClick={onSend}
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? <span className="loading__spinner" aria-hidden="true" /> : <Pictogram name="check" size={28} />}
          <span>{t('resident.consent.agree')}</span>
        </button>
      </div>
    </section>
  );
}

import { PRIVACY_NOTICE_VERSION } from '@quartiersatlas/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { Loading } from '../components/status.tsx';
import { ResidentFrame } from '../resident/resident-frame.tsx';
import { useCachedPublic } from '../resident/use-resident-data.ts';
import './privacy.css';

function Section({ icon, title, children }: { icon: string; title: string; children: ReactNode }) {
  return (
    <section className="privacy-section">
      <h2 className="privacy-section__title">
        <span className="privacy-section__icon">
          <Icon name={icon} />
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * `/privacy`: the privacy notice for residents, in plain words and short sections, in every
 * language of the app. Who is responsible and how long data is kept come from the server's
 * configuration (`GET /api/v1/config` → `privacy`), cached for offline reading.
 */
export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  const config = useCachedPublic('config');
  const privacy = config.status === 'ready' ? config.data.privacy : undefined;
  // The text of this page is the notice; its version is the one the phone sends with each consent.
  const versionDate = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(PRIVACY_NOTICE_VERSION),
  );
  return (
    <ResidentFrame>
      <article className="privacy" aria-labelledby="privacy-title">
        <h1 id="privacy-title" className="privacy__title">
          {t('privacy.title')}
        </h1>
        <p className="privacy__intro">{t('privacy.intro')}</p>
        <Section icon="user" title={t('privacy.responsible.title')}>
          {privacy?.contact ? (
            <p className="privacy__contact">{privacy.contact}</p>
          ) : (
            <p>{t('privacy.responsible.noContact')}</p>
          )}
        </Section>
        <Section icon="database" title={t('privacy.stored.title')}>
          <ul className="privacy__list">
            <li>{t('privacy.stored.need')}</li>
            <li>{t('privacy.stored.consent')}</li>
            <li>{t('privacy.stored.codes')}</li>
          </ul>
          <p>{t('privacy.stored.why')}</p>
        </Section>
        <Section icon="shield-check" title={t('privacy.notStored.title')}>
          <ul className="privacy__list">
            <li>{t('privacy.notStored.name')}</li>
            <li>{t('privacy.notStored.address')}</li>
            <li>{t('privacy.notStored.device')}</li>
          </ul>
        </Section>
        <Section icon="map" title={t('privacy.whoSees.title')}>
          <ul className="privacy__list">
            <li>{t('privacy.whoSees.exact')}</li>
            <li>{t('privacy.whoSees.public')}</li>
            <li>{t('privacy.whoSees.text')}</li>
          </ul>
        </Section>
        <Section icon="refresh" title={t('privacy.howLong.title')}>
          {privacy ? (
            <p>{t('privacy.howLong.body', { period: t('privacy.howLong.days', { count: privacy.retentionDays }) })}</p>
          ) : config.status === 'error' ? (
            <p>{t('privacy.howLong.unknown')}</p>
          ) : (
            <Loading />
          )}
        </Section>
        <Section icon="check" title={t('privacy.rights.title')}>
          <ul className="privacy__list">
            <li>
              {t('privacy.rights.receipt')} <a href="/receipt">{t('footer.receipt')}</a>
            </li>
            <li>{t('privacy.rights.ask')}</li>
            <li>{t('privacy.rights.withdraw')}</li>
            <li>{t('privacy.rights.complain')}</li>
          </ul>
        </Section>
        <p className="privacy__version">{t('privacy.version', { version: versionDate })}</p>
      </article>
    </ResidentFrame>
  );
}

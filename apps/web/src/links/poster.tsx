import type { PosterLanguage, ResidentLink } from '@quartiersatlas/domain';
import { isRtl, LANGUAGES } from '@quartiersatlas/i18n';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { linkUrl, shortLinkUrl } from './links-api.ts';
import { QrCode } from './qr-code.tsx';

const STEPS = [
  { key: 'choose', icon: 'layers' },
  { key: 'place', icon: 'pin' },
  { key: 'send', icon: 'check' },
] as const;

/** Type and QR code shrink as languages are added, so eight still fit one A4 page. */
export function posterSize(languages: number): 'large' | 'medium' | 'small' {
  if (languages <= 3) return 'large';
  if (languages <= 5) return 'medium';
  return 'small';
}

/** The poster's languages in the order of the language list (German first), each once. */
export function posterLanguages(link: Pick<ResidentLink, 'languages'>): PosterLanguage[] {
  return LANGUAGES.map((language) => language.code).filter((code): code is PosterLanguage =>
    (link.languages as readonly string[]).includes(code),
  );
}

/**
 * The A4 poster ("Aushang") for a resident link: the invitation in every chosen language, the QR
 * code and its address, three pictogram steps and the privacy promise. Every line in a language
 * carries its own `lang` and `dir`, so Arabic runs right to left and screen readers switch voice.
 */
export function Poster({ link, quarterName }: { link: ResidentLink; quarterName: string }) {
  const { t, i18n } = useTranslation();
  const languages = posterLanguages(link);
  const texts = languages.map((lang) => ({ lang, dir: isRtl(lang) ? 'rtl' : 'ltr', t: i18n.getFixedT(lang) }) as const);
  const privacyUrl = shortLinkUrl({ path: '/privacy' });
  return (
    // The sheet runs in the direction of its first language, whatever the planner's screen language.
    <article
      className="poster-sheet"
      data-size={posterSize(languages.length)}
      dir={texts[0]?.dir}
      aria-label={t('poster.label')}
    >
      <div className="poster-sheet__body">
        <header className="poster-sheet__head">
          <span className="poster-sheet__brand">{t('app.title')}</span>
          <span className="poster-sheet__quarter">{quarterName}</span>
        </header>
        <div className="poster-sheet__titles">
          {texts.map((text) => (
            <p key={text.lang} className="poster-sheet__title" lang={text.lang} dir={text.dir}>
              {text.t('poster.title')}
            </p>
          ))}
        </div>
        <div className="poster-sheet__middle">
          <QrCode
            text={linkUrl(link)}
            label={t('links.qrLabel', { url: shortLinkUrl(link) })}
            className="poster-sheet__qr"
          />
          <ol className="poster-sheet__steps">
            {STEPS.map((step, index) => (
              <li key={step.key} className="poster-step">
                <span className="poster-step__icon">
                  <Pictogram name={step.icon} size={48} />
                  <span className="poster-step__number">{index + 1}</span>
                </span>
                <span className="poster-step__labels">
                  {texts.map((text) => (
                    <span key={text.lang} lang={text.lang} dir={text.dir}>
                      {text.t(`poster.step.${step.key}`)}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ol>
        </div>
        <p className="poster-sheet__url" dir="ltr">
          {shortLinkUrl(link)}
        </p>
        <ul className="poster-sheet__privacy">
          {texts.map((text) => (
            <li key={text.lang} lang={text.lang} dir={text.dir}>
              <strong>{text.t('poster.noAccount')}</strong> {text.t('poster.privacy')}
            </li>
          ))}
        </ul>
        <footer className="poster-sheet__foot">
          <span className="poster-sheet__link-title">{link.title}</span>
          <span dir="ltr">{privacyUrl}</span>
        </footer>
      </div>
    </article>
  );
}

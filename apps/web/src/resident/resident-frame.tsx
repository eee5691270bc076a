import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SiteFooter } from '../components/site-footer.tsx';
import { SiteHeader } from '../components/site-header.tsx';
import { Pictogram } from '../icons/pictograms.tsx';
import { OfflineIndicator } from '../shell/offline-indicator.tsx';
import './resident.css';

/** The public pages' frame: header with the language switch, the offline strip, footer with the privacy links. */
export function ResidentFrame({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <OfflineIndicator />
      <main id="main" className={wide ? 'page resident resident--wide' : 'page resident'} tabIndex={-1}>
        {children}
      </main>
      <SiteFooter taxonomyVersion={undefined} />
    </>
  );
}

export const STEP_ICONS = { category: 'need', place: 'pin', details: 'chat', consent: 'check' } as const;
export type FlowStep = keyof typeof STEP_ICONS;
const ORDER: FlowStep[] = ['category', 'place', 'details', 'consent'];

/** Step number, pictogram dots for the four steps, a back button, the step's title and one short line. */
export function StepHead({
  step,
  title,
  hint,
  onBack,
}: {
  step: FlowStep;
  title: string;
  hint?: string;
  onBack?: () => void;
}) {
  const { t } = useTranslation();
  const index = ORDER.indexOf(step);
  return (
    <header className="resident-step__head">
      <div className="resident-step__bar">
        {onBack ? (
          <button type="button" className="resident-back" onClick={onBack}>
            <Pictogram name="back" />
            <span>{t('resident.back')}</span>
          </button>
        ) : (
          <span />
        )}
        <p className="resident-progress">
          <span className="visually-hidden">{t('resident.progress', { step: index + 1, total: ORDER.length })}</span>
          {ORDER.map((name, i) => (
            <span
              key={name}
              className={
                i < index
                  ? 'resident-progress__dot resident-progress__dot--done'
                  : i === index
                    ? 'resident-progress__dot resident-progress__dot--current'
                    : 'resident-progress__dot'
              }
              aria-hidden="true"
            >
              <Pictogram name={i < index ? 'check' : STEP_ICONS[name]} size={16} />
            </span>
          ))}
        </p>
      </div>
      <h1 className="resident-step__title">
        <span className="resident-step__icon">
          <Pictogram name={STEP_ICONS[step]} size={28} />
        </span>
        <span>{title}</span>
      </h1>
      {hint && <p className="resident-step__hint">{hint}</p>}
    </header>
  );
}

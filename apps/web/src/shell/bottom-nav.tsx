import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import type { ShellView } from './roles.ts';

const ICONS: Record<ShellView, string> = {
  overview: 'grid',
  analysis: 'hexagons',
  review: 'shield-check',
  data: 'swap',
  capture: 'plus',
  records: 'list',
  supporters: 'thumb-up',
};

/** Views at the bottom edge, where a thumb reaches them while the other hand holds a clipboard. */
export function BottomNav({
  views,
  current,
  onChange,
}: {
  views: ShellView[];
  current: ShellView;
  onChange: (view: ShellView) => void;
}) {
  const { t } = useTranslation();
  const labels: Record<ShellView, string> = {
    overview: t('shell.navOverview'),
    analysis: t('shell.navAnalysis'),
    review: t('shell.navReview'),
    data: t('shell.navData'),
    capture: t('shell.navCapture'),
    records: t('shell.navRecords'),
    supporters: t('shell.navSupporters'),
  };
  return (
    <nav className="bottom-nav" aria-label={t('shell.navLabel')}>
      <ul className="bottom-nav__list">
        {views.map((view) => (
          <li key={view}>
            <button
              type="button"
              className="bottom-nav__item"
              aria-current={view === current ? 'page' : undefined}
              onClick={() => onChange(view)}
            >
              <Icon name={ICONS[view]} />
              <span>{labels[view]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

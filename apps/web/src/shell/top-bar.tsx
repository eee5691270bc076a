import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { BrandMark } from '../components/brand-mark.tsx';
import { Icon } from '../components/icon.tsx';
import { SyncIndicator } from '../sync/index.ts';
import { LanguageButton } from './language-button.tsx';
import { QuarterSwitcher } from './quarter-switcher.tsx';

interface Props {
  quarters: QuarterCollection;
  quarterId: string;
  onQuarterChange: (quarterId: string) => void;
  onOpenMenu: () => void;
  onOpenSync: () => void;
}

/** One row on a phone: who we are and where, then language, sync (what waits, what runs), and the menu. */
export function TopBar({ quarters, quarterId, onQuarterChange, onOpenMenu, onOpenSync }: Props) {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <div className="top-bar__inner">
        <div className="top-bar__where">
          <BrandMark />
          <div className="top-bar__titles">
            <p className="top-bar__app">{t('app.title')}</p>
            <QuarterSwitcher quarters={quarters} quarterId={quarterId} onChange={onQuarterChange} />
          </div>
        </div>
        <LanguageButton />
        <SyncIndicator onOpen={onOpenSync} />
        <button
          type="button"
          className="top-bar__button"
          aria-label={t('shell.openMenu')}
          aria-haspopup="dialog"
          onClick={onOpenMenu}
        >
          <Icon name="menu" />
        </button>
      </div>
    </header>
  );
}

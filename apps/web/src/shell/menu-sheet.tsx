import type { Account } from '@quartiersatlas/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { Sheet } from '../components/sheet.tsx';
import { ExportButton } from './export-button.tsx';
import { LanguageGrid } from './language-grid.tsx';
import { SignOut } from './sign-out.tsx';
import { StorageStatus } from './storage-status.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  account: Account;
  /** The quarter's offline-map download, when a basemap is configured. */
  offlineMap?: ReactNode;
}

function Section({ title, icon, children }: { title: string; icon: string; children: ReactNode }) {
  return (
    <section className="menu__section">
      <h3 className="menu__heading">
        <Icon name={icon} />
        <span>{title}</span>
      </h3>
      {children}
    </section>
  );
}

/** Everything that is not capture: account, language, storage, export, offline map, about. */
export function MenuSheet({ open, onClose, account, offlineMap }: Props) {
  const { t } = useTranslation();
  return (
    <Sheet open={open} onClose={onClose} titleId="menu-title" title={t('shell.menuTitle')} className="menu">
      <p className="menu__account">
        <Icon name="user" />
        <span>{t('auth.signedInAs', { name: account.displayName, role: t(`role.${account.role}`) })}</span>
      </p>
      <Section title={t('shell.storageHeading')} icon="database">
        <StorageStatus />
        <ExportButton />
      </Section>
      {offlineMap && (
        <Section title={t('shell.offlineMapHeading')} icon="map">
          {offlineMap}
        </Section>
      )}
      <Section title={t('language.label')} icon="globe">
        <LanguageGrid />
      </Section>
      <Section title={t('shell.aboutHeading')} icon="info">
        <p className="menu__hint">{t('shell.about')}</p>
        <a className="menu__link" href="/api/docs">
          <Icon name="book" />
          <span>{t('footer.apiDocs')}</span>
        </a>
      </Section>
      <SignOut />
    </Sheet>
  );
}

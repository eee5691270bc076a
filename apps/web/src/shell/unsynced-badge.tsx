import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { useUnsyncedCount } from '../data/index.ts';
import { useFormat } from '../format.ts';

/** Always on screen: how many changes wait on this device for the server. */
export function UnsyncedBadge() {
  const { t } = useTranslation();
  const format = useFormat();
  const count = useUnsyncedCount();
  return (
    <output
      className={count > 0 ? 'unsynced-badge unsynced-badge--pending' : 'unsynced-badge'}
      data-count={count}
      aria-live="polite"
    >
      <Icon name={count > 0 ? 'cloud-up' : 'check'} />
      <span aria-hidden="true">{format.number(count)}</span>
      <span className="visually-hidden">{t('shell.unsynced', { count })}</span>
    </output>
  );
}

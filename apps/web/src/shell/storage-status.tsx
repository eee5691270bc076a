import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { type PersistenceResult, storageEstimate, useMeta } from '../data/index.ts';
import { formatBytes } from './bytes.ts';

/** Whether the browser keeps our data for good, and how much room it takes. */
export function StorageStatus() {
  const { t, i18n } = useTranslation();
  const persistence = useMeta<PersistenceResult>('persistence');
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);

  useEffect(() => {
    let live = true;
    void storageEstimate().then((value) => {
      if (live) setEstimate(value);
    });
    return () => {
      live = false;
    };
  }, []);

  const language = i18n.resolvedLanguage ?? 'de';
  const persisted = persistence === 'persisted';
  return (
    <div className="storage-status">
      <p className={persisted ? 'storage-status__line storage-status__line--ok' : 'storage-status__line'}>
        <Icon name={persisted ? 'check' : 'alert'} />
        <span>{persisted ? t('shell.storagePersisted') : t('shell.storageNotPersisted')}</span>
      </p>
      {estimate && (
        <p className="storage-status__use">
          {t('shell.storageUse', {
            usage: formatBytes(estimate.usage, language),
            quota: formatBytes(estimate.quota, language),
          })}
        </p>
      )}
    </div>
  );
}

import type { Account } from '@quartiersatlas/domain';
import { FirstScreen } from './shell/first-screen.tsx';
import { useMetaState } from './shell/meta-state.ts';
import { OfflineStart } from './shell/offline-start.tsx';
import { usePublicData } from './shell/public-data.ts';
import { SignedInShell } from './shell/signed-in-shell.tsx';

/**
 * Signed out: the first screen. Signed in (an account stored with a device token): the views of
 * the account's role, from the stored quarters and taxonomy when there is no network.
 */
export function App() {
  const data = usePublicData();
  const account = useMetaState<Account>('account');
  const { quarters, taxonomy, config } = data;
  const retry = () => {
    for (const item of [quarters, taxonomy, config]) if (item.status === 'error') item.retry();
  };

  if (!account.loaded) return null;
  const nothingStored = quarters.status === 'error' && taxonomy.status === 'error';
  if (!account.value)
    return nothingStored && !navigator.onLine ? <OfflineStart onRetry={retry} /> : <FirstScreen data={data} />;
  if (quarters.status === 'error' || taxonomy.status === 'error') return <OfflineStart onRetry={retry} />;
  if (quarters.status !== 'ready' || taxonomy.status !== 'ready') return null;
  return (
    <SignedInShell
      account={account.value}
      quarters={quarters.data}
      taxonomy={taxonomy.data}
      basemapStyleUrl={config.status === 'ready' ? config.data.basemap.styleUrl : null}
    />
  );
}

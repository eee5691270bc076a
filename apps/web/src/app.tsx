import type { Account } from '@quartiersatlas/domain';
import { PrivacyPage } from './privacy/index.ts';
import { ReceiptPage, ResidentApp } from './resident/index.ts';
import { FirstScreen } from './shell/first-screen.tsx';
import { useMetaState } from './shell/meta-state.ts';
import { OfflineStart } from './shell/offline-start.tsx';
import { usePublicData } from './shell/public-data.ts';
import { type PublicRoute, publicRoute } from './shell/public-routes.ts';
import { SignedInShell } from './shell/signed-in-shell.tsx';

/** The page for this address: a public page (resident link, privacy, receipt), or the app itself. */
export function App() {
  const route = publicRoute(window.location.pathname);
  return route ? <PublicPage route={route} /> : <AccountApp />;
}

function PublicPage({ route }: { route: PublicRoute }) {
  switch (route.page) {
    case 'resident':
      return <ResidentApp code={route.code} />;
    case 'receipt':
      return <ReceiptPage receipt={route.receipt} />;
    case 'privacy':
      return <PrivacyPage />;
  }
}

/**
 * Signed out: the first screen. Signed in (an account stored with a device token): the views of
 * the account's role, from the stored quarters and taxonomy when there is no network.
 */
function AccountApp() {
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

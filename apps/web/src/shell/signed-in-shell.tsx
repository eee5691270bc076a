import type { Account, Geometry, RecordKind, Taxonomy } from '@quartiersatlas/domain';
import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalysisView } from '../analysis/index.ts';
import type { QuarterCollection } from '../api/endpoints.ts';
import { UndoToastHost } from '../capture/index.ts';
import { getMeta, requestPersistentStorage, useActiveSession } from '../data/index.ts';
import { ExchangeView } from '../exchange/index.ts';
import { ReportView } from '../report/index.ts';
import { ReviewView } from '../review/index.ts';
import { type RejectedEntry, SyncProvider, SyncSheet, useSyncActions } from '../sync/index.ts';
import { useActiveQuarter } from './active-quarter.ts';
import { BottomNav } from './bottom-nav.tsx';
import { captureReducer } from './capture-state.ts';
import { CaptureView } from './capture-view.tsx';
import { MenuSheet } from './menu-sheet.tsx';
import { OfflineIndicator } from './offline-indicator.tsx';
import { OfflineMapSection } from './offline-map-section.tsx';
import { startView, viewsFor } from './roles.ts';
import { TopBar } from './top-bar.tsx';
import { UpdatePrompt } from './update-prompt.tsx';

interface Props {
  account: Account;
  quarters: QuarterCollection;
  taxonomy: Taxonomy;
  basemapStyleUrl: string | null;
}

/** Asks once per device for persistent storage: the first time someone signs in is the first real use. */
function usePersistenceRequest(): void {
  useEffect(() => {
    void getMeta('persistence').then((known) => {
      if (known === undefined) return requestPersistentStorage();
    });
  }, []);
}

/** One sync for the signed-in device, around everything it shows. */
export function SignedInShell(props: Props) {
  const [quarterId, setQuarterId] = useActiveQuarter(props.quarters);
  return (
    <SyncProvider role={props.account.role} quarterId={quarterId}>
      <Shell {...props} quarterId={quarterId} onQuarterChange={setQuarterId} />
    </SyncProvider>
  );
}

/**
 * "Edit and send again" for a change the server refused: a refused create is sent again with the
 * record as saved (edits of such a record stay on the device meanwhile); for a refused update the
 * saved edit already carries what the person wants now, so the refused change is dropped rather
 * than sent again over it.
 */
function useResendAfterEdit() {
  const sync = useSyncActions();
  const [resend, setResend] = useState<RejectedEntry | null>(null);
  const saved = (recordId: string) => {
    if (!sync || resend?.op.recordId !== recordId) return;
    const { opId, type } = resend.op;
    setResend(null);
    void (type === 'create' ? sync.retryRejected(opId) : sync.discardRejected(opId)).catch((error: unknown) =>
      console.error('refused change not sent again', error),
    );
  };
  return { start: setResend, saved };
}

function Shell({
  account,
  quarters,
  taxonomy,
  basemapStyleUrl,
  quarterId,
  onQuarterChange,
}: Props & { quarterId: string | undefined; onQuarterChange: (quarterId: string) => void }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const views = viewsFor(account.role, session?.kind === 'quartierszirkel');
  const [state, dispatch] = useReducer(captureReducer, { view: startView(account.role), draft: null, draftKey: 0 });
  const [menuOpen, setMenuOpen] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const resend = useResendAfterEdit();
  const view = views.includes(state.view) ? state.view : (views[0] ?? 'capture');
  // The capture map stays mounted once shown, so switching to the workspace and back does not reload it.
  const mapView = view === 'capture' || view === 'records' || view === 'supporters';
  const [mapShown, setMapShown] = useState(mapView);
  if (!mapShown && mapView) setMapShown(true);
  usePersistenceRequest();

  const quarter = quarters.features.find((item) => item.id === quarterId);
  const workspace = { account, quarters, taxonomy, quarterId, basemapStyleUrl };
  return (
    <div className="app-shell" data-view={view} data-role={account.role}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar
        quarters={quarters}
        quarterId={quarterId ?? ''}
        onQuarterChange={onQuarterChange}
        onOpenMenu={() => setMenuOpen(true)}
        onOpenSync={() => setSyncOpen(true)}
      />
      <OfflineIndicator />
      <UpdatePrompt />
      <main id="main" className="app-main" tabIndex={-1}>
        {view === 'overview' && <ReportView {...workspace} />}
        {view === 'analysis' && <AnalysisView {...workspace} />}
        {view === 'review' && (
          <ReviewView
            {...workspace}
            onEditRecord={(record) =>
              dispatch({
                type: 'edit',
                recordId: record.id,
                kind: record.kind as RecordKind,
                geometry: record.geometry as Geometry,
              })
            }
          />
        )}
        {view === 'data' && <ExchangeView {...workspace} />}
        {mapShown && quarterId && (
          <CaptureView
            hidden={!mapView}
            role={account.role}
            quarterId={quarterId}
            quarters={quarters}
            taxonomy={taxonomy}
            basemapStyleUrl={basemapStyleUrl}
            view={view}
            state={state}
            dispatch={dispatch}
            onSaved={resend.saved}
          />
        )}
      </main>
      {views.length > 1 && (
        <BottomNav views={views} current={view} onChange={(next) => dispatch({ type: 'view', view: next })} />
      )}
      <UndoToastHost />
      <SyncSheet
        open={syncOpen}
        onClose={() => setSyncOpen(false)}
        onEdit={(entry) => {
          if (!entry.record) return;
          resend.start(entry);
          dispatch({
            type: 'edit',
            recordId: entry.record.id,
            kind: entry.record.kind,
            geometry: entry.record.feature.geometry,
          });
        }}
      />
      <MenuSheet
        open={menuOpen}
        onClose={() => setMenuOpen(false)}
        account={account}
        offlineMap={
          basemapStyleUrl && quarter ? <OfflineMapSection quarter={quarter} styleUrl={basemapStyleUrl} /> : undefined
        }
      />
    </div>
  );
}

import type { Role } from '@quartiersatlas/domain';
import { createFetchTransport, SyncEngine, type SyncScope } from '@quartiersatlas/sync';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { deviceId, META, useMeta } from '../data/index.ts';
import { authHeaders } from '../shell/auth.ts';
import { browserEnvironment } from './browser-environment.ts';
import { SyncController } from './controller.ts';
import { DexieStore } from './dexie-store.ts';
import { IDLE_STATE, metaSyncState, type SyncState } from './sync-state.ts';

export interface SyncActions {
  syncNow(): void;
  retryRejected(opId: string): Promise<void>;
  discardRejected(opId: string): Promise<void>;
  /** Lets a refused photo or voice note go up again, and syncs. */
  retryMedia(id: string): Promise<void>;
}

const SyncContext = createContext<SyncActions | null>(null);

/**
 * Which records a device pulls. A field team works in one quarter at a time and its phone keeps that
 * quarter; planners and admins see everything, and residents get what the server lets them see.
 */
export function syncScope(role: Role, quarterId: string | undefined): SyncScope {
  return role === 'field' && quarterId !== undefined ? { quarters: [quarterId] } : { quarters: null };
}

function scopeKey(scope: SyncScope): string {
  return scope.quarters === null ? '*' : scope.quarters.join(',');
}

/** One sync engine and controller for the signed-in device, for as long as the shell is mounted. */
export function SyncProvider({
  role,
  quarterId,
  children,
}: {
  role: Role;
  quarterId: string | undefined;
  children: ReactNode;
}) {
  const scope = useMemo(() => syncScope(role, quarterId), [role, quarterId]);
  const scopeRef = useRef(scope);
  scopeRef.current = scope;
  const [engines, setEngines] = useState<{
    engine: (scope: SyncScope) => SyncEngine;
    controller: SyncController;
  } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let controller: SyncController | null = null;
    void deviceId().then((device) => {
      if (cancelled) return;
      const store = new DexieStore();
      const transport = createFetchTransport({ baseUrl: '', headers: authHeaders });
      const cache = new Map<string, SyncEngine>();
      const engine = (forScope: SyncScope) => {
        const key = scopeKey(forScope);
        let found = cache.get(key);
        if (!found) {
          found = new SyncEngine({
            store,
            transport,
            deviceId: device,
            scope: forScope,
            onProgress: (progress) => controller?.onProgress(progress),
          });
          cache.set(key, found);
        }
        return found;
      };
      controller = new SyncController(() => engine(scopeRef.current), browserEnvironment(), metaSyncState);
      controller.start();
      setEngines({ engine, controller });
    });
    return () => {
      cancelled = true;
      controller?.stop();
    };
  }, []);

  // A field team that switches quarters gets the new quarter's records at once.
  const key = scopeKey(scope);
  const lastKey = useRef(key);
  useEffect(() => {
    if (!engines || lastKey.current === key) return;
    lastKey.current = key;
    engines.controller.request();
  }, [engines, key]);

  const actions = useMemo<SyncActions | null>(
    () =>
      engines && {
        syncNow: () => void engines.controller.syncNow(),
        retryRejected: (opId) => engines.engine(scopeRef.current).retryRejected(opId),
        discardRejected: (opId) => engines.engine(scopeRef.current).discardRejected(opId),
        retryMedia: async (id) => {
          await engines.engine(scopeRef.current).retryMedia(id);
          void engines.controller.syncNow();
        },
      },
    [engines],
  );
  return <SyncContext.Provider value={actions}>{children}</SyncContext.Provider>;
}

/** Sync now, send a refused change again or discard it; null until the device's sync has started. */
export function useSyncActions(): SyncActions | null {
  return useContext(SyncContext);
}

/** What sync is doing, in whichever tab it runs. */
export function useSyncState(): SyncState {
  const stored = useMeta<Partial<SyncState>>(META.syncState);
  return useMemo(() => ({ ...IDLE_STATE, ...stored }), [stored]);
}

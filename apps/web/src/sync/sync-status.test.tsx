import { describe, expect, it } from 'vitest';
import type { LocalRecord } from '../data/index.ts';
import { renderIn } from '../records/render-in.tsx';
import { RejectedList } from './rejected-list.tsx';
import { IDLE_STATE } from './sync-state.ts';
import { SyncStatus } from './sync-status.tsx';
import { NOTHING_WAITING, type RejectedEntry } from './use-sync-data.ts';

const now = new Date().toISOString();

describe('SyncStatus', () => {
  it('shows the phase and "n of m" while a round sends changes', () => {
    const state = { ...IDLE_STATE, running: true, progress: { phase: 'push' as const, done: 120, total: 200 } };
    const html = renderIn('de', <SyncStatus state={state} waiting={{ ...NOTHING_WAITING, records: 200 }} />);
    expect(html).toContain('Änderungen werden gesendet');
    expect(html).toContain('120 von 200');
    expect(html).toContain('<progress class="sync-progress__bar" max="200" value="120"');
    expect(html).toContain('Noch nie synchronisiert');
  });

  it('says in plain words that the device must sign in again, and offers it instead of "Sync now"', () => {
    const state = {
      ...IDLE_STATE,
      lastSuccessAt: now,
      stopped: 'signIn' as const,
      lastError: { kind: 'signIn' as const, code: 'INVALID_TOKEN', at: now },
    };
    const html = renderIn('en', <SyncStatus state={state} waiting={{ ...NOTHING_WAITING, photos: 3 }} />);
    expect(html).toContain('This device is no longer signed in.');
    expect(html).toContain('Sign in again');
    expect(html).not.toContain('Sync now');
    expect(html).toMatch(/<dt>Photos<\/dt><dd>3<\/dd>/);
  });

  it('names an API error by its code, and asks for an update when the app is too old', () => {
    const failed = { ...IDLE_STATE, lastError: { kind: 'failed' as const, code: 'FORBIDDEN', at: now } };
    expect(renderIn('de', <SyncStatus state={failed} waiting={NOTHING_WAITING} />)).toContain(
      'Dafür fehlt Ihnen die Berechtigung.',
    );
    const outdated = {
      ...IDLE_STATE,
      stopped: 'outdated' as const,
      lastError: { kind: 'outdated' as const, code: 'SYNC_CLIENT_OUTDATED', at: now },
    };
    const html = renderIn('ar', <SyncStatus state={outdated} waiting={NOTHING_WAITING} />);
    expect(html).toContain('يرجى تحديث التطبيق');
    expect(html).toContain('حدّث التطبيق');
  });
});

describe('RejectedList', () => {
  const id = '019bb227-22ed-7309-9275-e4fa41435d01';
  const record: LocalRecord = {
    id,
    feature: {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [7.48, 51.55] },
      properties: { kind: 'service', quarterId: 'eving', category: 'kita', name: 'Kita Regenbogen', capacity: -4 },
    },
    kind: 'service',
    quarterId: 'eving',
    sessionId: null,
    serverVersion: 3,
    deleted: false,
    status: 'published',
    createdAt: now,
    localUpdatedAt: now,
    mediaIds: [],
  };
  const entry: RejectedEntry = {
    record,
    session: undefined,
    op: {
      opId: '019bb227-0000-7000-8000-0000000000a1',
      type: 'update',
      recordId: id,
      baseVersion: 3,
      payload: { properties: { capacity: -4 } },
      reason: {
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid',
        issues: [{ field: 'properties.capacity', code: 'INVALID_MINIMUM', message: 'must be >= 0' }],
      },
      rejectedAt: now,
    },
  };
  const actions = { retry: async () => {}, discard: async () => {}, edit: () => {} };

  it('says which record, why with the field in the words of the form, and what can be done', () => {
    const html = renderIn('de', <RejectedList entries={[entry]} actions={actions} />);
    expect(html).toContain('Vom Server abgelehnt');
    expect(html).toContain('Kita Regenbogen');
    expect(html).toContain('Änderung');
    expect(html).toContain('Einige Angaben fehlen oder stimmen nicht.');
    expect(html).toContain('<strong>Plätze</strong><span>Der Wert ist zu klein (mindestens 0).</span>');
    expect(html).toContain('Bearbeiten und erneut senden');
    expect(html).toContain('Erneut senden');
    expect(html).toContain('Meine Änderung verwerfen');
  });

  it('lets the field issue speak when the server names a specific reason', () => {
    const category = {
      ...entry,
      op: {
        ...entry.op,
        reason: {
          code: 'UNKNOWN_CATEGORY',
          message: 'The category is not in the taxonomy',
          issues: [{ field: 'properties.category', code: 'UNKNOWN_CATEGORY', message: 'unknown category' }],
        },
      },
    };
    const html = renderIn('de', <RejectedList entries={[category]} actions={actions} />);
    expect(html).toContain('Diese Kategorie gibt es nicht mehr. Bitte eine andere wählen.');
    expect(html).not.toContain('Diese Kategorie gibt es nicht.');
  });

  it('offers no editing for a change whose record is gone, and shows nothing when nothing was refused', () => {
    const gone = { ...entry, record: undefined, op: { ...entry.op, type: 'delete' as const, payload: null } };
    const html = renderIn('tr', <RejectedList entries={[gone]} actions={actions} />);
    expect(html).toContain('Artık bu cihazda değil');
    expect(html).not.toContain('Düzenle ve tekrar gönder');
    expect(html).toContain('Tekrar gönder');
    expect(renderIn('de', <RejectedList entries={[]} actions={actions} />)).toBe('');
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb } from '../data/test-helpers.ts';
import type { Conflict, HistoryEvent, ServerRecord } from './review-api.ts';
import { conflictPage, fail, fakeApi, history, ok, page, renderReview } from './test-support.tsx';

const RECORD_ID = '0196f3a2-0000-7000-8000-0000000000c1';
const RECORD: ServerRecord = {
  type: 'Feature',
  id: RECORD_ID,
  geometry: { type: 'Point', coordinates: [7.4652, 51.5521] },
  properties: {
    kind: 'service',
    quarterId: 'eving',
    category: 'kita',
    name: 'Kita Sonnenblume',
    status: 'published',
    version: 812,
    createdAt: '2025-04-01T08:00:00.000Z',
    updatedAt: '2025-05-03T10:00:00.000Z',
    deleted: false,
  },
};

const TABLET = '5f1d2c3b-aaaa-4bbb-8ccc-123456789abc';
const CATEGORY_CLASH: Conflict = {
  id: '0196f3a2-0000-7000-8000-0000000000f1',
  recordId: RECORD_ID,
  kind: 'field',
  field: 'category',
  keptValue: 'family_centre',
  lostValue: 'kita',
  keptBy: { writer: 'account:p1', account: { id: 'p1', username: 'a.yilmaz', displayName: 'Ayşe Yılmaz' } },
  lostBy: { writer: TABLET, account: null },
  baseVersion: 800,
  version: 812,
  createdAt: '2025-05-03T10:00:00.000Z',
  status: 'open',
};
const MOVED: Conflict = {
  ...CATEGORY_CLASH,
  id: '0196f3a2-0000-7000-8000-0000000000f2',
  field: 'geometry',
  keptValue: { type: 'Point', coordinates: [7.4652, 51.5521] },
  lostValue: { type: 'Point', coordinates: [7.4652, 51.55245] },
  createdAt: '2025-05-02T10:00:00.000Z',
};

const EVENTS: HistoryEvent[] = [
  {
    version: 700,
    action: 'create',
    at: '2025-04-01T08:00:00.000Z',
    by: { accountId: null, name: 'Jonas Becker', deviceId: TABLET },
    changes: { name: { before: null, after: 'Kita Sonnenblume' }, category: { before: null, after: 'kita' } },
    note: null,
  },
  {
    version: 812,
    action: 'update',
    at: '2025-05-03T10:00:00.000Z',
    by: { accountId: 'p1', name: 'Ayşe Yılmaz', deviceId: null },
    changes: { category: { before: 'kita', after: 'family_centre' } },
    note: null,
  },
];

function conflictApi(conflicts: Conflict[], extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/records': () => page([]),
    'GET /api/v1/conflicts': () => conflictPage(conflicts),
    [`GET /api/v1/records/${RECORD_ID}`]: () => ok(RECORD),
    [`GET /api/v1/records/${RECORD_ID}/history`]: () => history(RECORD_ID, EVENTS),
    ...extra,
  });
}

async function openConflict(id: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('tab', { name: /Konflikte/ }));
  const row = await waitFor(() => {
    const found = document.querySelector<HTMLElement>(`[data-conflict-id="${id}"]`);
    if (!found) throw new Error('conflict not listed yet');
    return found;
  });
  await within(row).findByText('Kita Sonnenblume');
  fireEvent.click(row);
  return screen.findByRole('article');
}

beforeEach(async () => {
  await resetDb();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('conflicts', () => {
  it('shows the kept and the lost value side by side, in words, with who wrote each and when', async () => {
    conflictApi([CATEGORY_CLASH]);
    renderReview('de');
    const detail = await openConflict(CATEGORY_CLASH.id);
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('Kita Sonnenblume');
    expect(detail.textContent).toContain('Zwei Geräte haben „Kategorie“ unterschiedlich geändert.');
    const [kept, lost] = Array.from(detail.querySelectorAll<HTMLElement>('.conflict-side'));
    expect(kept?.textContent).toContain('Jetzt gültig');
    expect(kept?.textContent).toContain('Familienzentrum');
    expect(kept?.textContent).toContain('von Ayşe Yılmaz');
    expect(lost?.textContent).toContain('Nicht übernommen');
    expect(lost?.textContent).toContain('Kita');
    expect(lost?.textContent).toContain('von Gerät 5f1d2c3b');
    // The lost value was written when the record was created, as its history shows.
    await waitFor(() => expect(lost?.querySelector('time')?.getAttribute('datetime')).toBe('2025-04-01T08:00:00.000Z'));
  });

  it('says how far a lost location lies from the current one', async () => {
    conflictApi([MOVED]);
    renderReview('en');
    fireEvent.click(await screen.findByRole('tab', { name: /Conflicts/ }));
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`[data-conflict-id="${MOVED.id}"]`);
      if (!found) throw new Error('not yet');
      return found;
    });
    fireEvent.click(row);
    const detail = await screen.findByRole('article');
    expect(detail.textContent).toContain('39 m from the current location');
  });

  it('resolves with the chosen action and takes the conflict off the list', async () => {
    const api = conflictApi([CATEGORY_CLASH, MOVED], {
      [`POST /api/v1/conflicts/${CATEGORY_CLASH.id}/resolve`]: () =>
        ok({ conflict: { ...CATEGORY_CLASH, status: 'resolved' }, record: RECORD }),
    });
    renderReview('de');
    const detail = await openConflict(CATEGORY_CLASH.id);
    fireEvent.click(within(detail).getByRole('button', { name: 'Anderen Wert wiederherstellen' }));
    expect(await screen.findByText('Konflikt gelöst: Der andere Wert ist wiederhergestellt.')).toBeTruthy();
    expect(api.called('POST', `/api/v1/conflicts/${CATEGORY_CLASH.id}/resolve`)[0]?.body).toEqual({
      action: 'restore-lost',
    });
    expect(document.querySelector(`[data-conflict-id="${CATEGORY_CLASH.id}"]`)).toBeNull();
    expect(screen.getByText('1 offener Konflikt')).toBeTruthy();
  });

  it('reloads when someone else resolved the conflict first', async () => {
    let resolved = false;
    const api = conflictApi([], {
      'GET /api/v1/conflicts': () => conflictPage(resolved ? [] : [CATEGORY_CLASH]),
      [`POST /api/v1/conflicts/${CATEGORY_CLASH.id}/resolve`]: () => {
        resolved = true;
        return fail(409, 'CONFLICT_RESOLVED');
      },
    });
    renderReview('de');
    const detail = await openConflict(CATEGORY_CLASH.id);
    fireEvent.click(within(detail).getByRole('button', { name: 'Aktuellen Wert behalten' }));
    expect(await screen.findByText('Dieser Konflikt ist schon gelöst.')).toBeTruthy();
    expect(await screen.findByText('Keine offenen Konflikte. Alle Geräte sind sich einig.')).toBeTruthy();
    expect(api.called('GET', '/api/v1/conflicts')).toHaveLength(2);
  });

  it('offers to undo a delete that met newer edits, listing those edits', async () => {
    const deleted: Conflict = {
      ...CATEGORY_CLASH,
      kind: 'delete-after-edit',
      field: '*',
      keptValue: null,
      lostValue: { properties: { capacity: 45, stepFree: true } },
    };
    conflictApi([deleted]);
    renderReview('de');
    const detail = await openConflict(deleted.id);
    const [kept, lost] = Array.from(detail.querySelectorAll<HTMLElement>('.conflict-side'));
    expect(kept?.textContent).toContain('Der Eintrag ist gelöscht.');
    expect(lost?.textContent).toContain('Plätze45');
    expect(lost?.textContent).toContain('Stufenlos erreichbarJa');
    expect(within(detail).getByRole('button', { name: 'Löschen rückgängig machen' })).toBeTruthy();
    expect(within(detail).getByRole('button', { name: 'Gelöscht lassen' })).toBeTruthy();
  });
});

describe('history', () => {
  it('tells each event with its action, who, when and what changed from what', async () => {
    conflictApi([CATEGORY_CLASH]);
    renderReview('de');
    const detail = await openConflict(CATEGORY_CLASH.id);
    const events = await within(detail).findAllByRole('listitem');
    const timeline = events.filter((item) => item.classList.contains('history-event'));
    expect(timeline.map((event) => event.querySelector('strong')?.textContent)).toEqual(['Erstellt', 'Geändert']);
    expect(timeline[0]?.textContent).toContain('Jonas Becker');
    expect(timeline[1]?.querySelector('del')?.textContent).toBe('Kita');
    expect(timeline[1]?.querySelector('ins')?.textContent).toBe('Familienzentrum');
  });

  it('finds any record by its id and shows a rejection with its reason, the submission folded above it', async () => {
    const submitted: HistoryEvent = {
      version: 880,
      action: 'create',
      at: '2025-05-04T09:00:00.000Z',
      by: { accountId: 'r1', name: 'Bewohnerin Eving', deviceId: null },
      changes: {
        geometry: { before: null, after: { type: 'Point', coordinates: [7.46, 51.56] } },
        category: { before: null, after: 'kita' },
        quarterId: { before: null, after: 'eving' },
        text: { before: null, after: 'Mehr Kita-Plätze' },
        status: { before: null, after: 'pending' },
      },
      note: null,
    };
    const rejected: HistoryEvent = {
      version: 900,
      action: 'reject',
      at: '2025-05-04T12:00:00.000Z',
      by: { accountId: 'p1', name: 'Ayşe Yılmaz', deviceId: null },
      changes: { status: { before: 'pending', after: 'rejected' } },
      note: 'Steht schon als Bedarf drin.',
    };
    fakeApi({
      'GET /api/v1/records': () => page([]),
      'GET /api/v1/conflicts': () => conflictPage([]),
      [`GET /api/v1/records/${RECORD_ID}`]: () => ok(RECORD),
      [`GET /api/v1/records/${RECORD_ID}/history`]: () => history(RECORD_ID, [submitted, rejected]),
    });
    renderReview('de');
    fireEvent.click(screen.getByRole('tab', { name: /Verlauf/ }));
    const input = screen.getByLabelText('Kennung des Eintrags');
    fireEvent.change(input, { target: { value: 'Kita Sonnenblume' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verlauf anzeigen' }));
    expect(screen.getByText(/keine gültige Kennung/)).toBeTruthy();

    fireEvent.change(input, { target: { value: ` ${RECORD_ID.toUpperCase()} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Verlauf anzeigen' }));
    const event = await screen.findByText('Abgelehnt', { selector: 'strong' });
    const item = event.closest('li') as HTMLElement;
    expect(item.textContent).toContain('Begründung:');
    expect(item.querySelector('q')?.textContent).toBe('Steht schon als Bedarf drin.');
    expect(item.querySelector('del')?.textContent).toBe('Wartet auf Prüfung');
    expect(item.querySelector('ins')?.textContent).toBe('Abgelehnt');
    expect(await screen.findByText('Kita Sonnenblume')).toBeTruthy();
    const created = screen.getByText('Erstellt', { selector: 'strong' }).closest('li') as HTMLElement;
    expect(created.querySelector('summary')?.textContent).toBe('Angaben beim Erstellen (5)');
    expect(created.querySelector('details')?.open).toBe(false);
  });

  it('names an unknown record by the error code', async () => {
    fakeApi({
      'GET /api/v1/records': () => page([]),
      'GET /api/v1/conflicts': () => conflictPage([]),
      [`GET /api/v1/records/${RECORD_ID}/history`]: () => fail(404, 'RECORD_NOT_FOUND'),
    });
    renderReview('de');
    fireEvent.click(screen.getByRole('tab', { name: /Verlauf/ }));
    fireEvent.change(screen.getByLabelText('Kennung des Eintrags'), { target: { value: RECORD_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Verlauf anzeigen' }));
    expect(await screen.findByText('Diesen Eintrag gibt es nicht (mehr).')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../data/index.ts';
import { resetDb } from '../data/test-helpers.ts';
import type { ServerRecord } from './review-api.ts';
import { conflictPage, fail, fakeApi, history, ok, page, pendingNeed, renderReview } from './test-support.tsx';

const ARABIC = pendingNeed('0196f3a2-0000-7000-8000-00000000000a', {
  createdAt: '2025-05-02T09:00:00.000Z',
  category: 'youth_centre',
  text: 'نحتاج إلى مكان للشباب بعد المدرسة',
  lang: 'ar',
  targetGroups: ['youth', 'families'],
  urgency: 'high',
  supporters: 3,
});
const GERMAN = pendingNeed('0196f3a2-0000-7000-8000-00000000000b', {
  createdAt: '2025-05-01T09:00:00.000Z',
  text: 'Mehr Kita-Plätze in der Bergstraße',
  lang: 'de',
  quarterId: 'marten',
});

function queueApi(queue: ServerRecord[], extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/records': () => page(queue),
    'GET /api/v1/conflicts': () => conflictPage([]),
    'GET /api/v1/records/0196f3a2-0000-7000-8000-00000000000a/history': () => history(ARABIC.id, []),
    'GET /api/v1/records/0196f3a2-0000-7000-8000-00000000000b/history': () => history(GERMAN.id, []),
    ...extra,
  });
}

/** The queue's rows, in the order shown. */
function rows(): HTMLElement[] {
  return screen.queryAllByRole('button').filter((button) => button.classList.contains('review-row'));
}

async function open(text: string): Promise<HTMLElement> {
  const row = await screen.findByText(text, { exact: false, selector: '.review-row *' });
  fireEvent.click(row.closest('button') as HTMLElement);
  return (await screen.findByRole('article')) as HTMLElement;
}

beforeEach(async () => {
  await resetDb();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('submissions', () => {
  it('lists pending submissions oldest first with a count, asking the server for pending records', async () => {
    const api = queueApi([ARABIC, GERMAN]);
    renderReview('de');
    expect(await screen.findByText('2 Einreichungen warten auf Prüfung')).toBeTruthy();
    expect(rows().map((row) => row.dataset.recordId)).toEqual([GERMAN.id, ARABIC.id]);
    expect(within(screen.getByRole('tab', { name: /Einreichungen/ })).getByText('2')).toBeTruthy();
    expect(api.called('GET', '/api/v1/records')[0]?.query.get('status')).toBe('pending');
  });

  it('shows the resident’s text in its own language and direction inside the German page', async () => {
    queueApi([ARABIC, GERMAN]);
    renderReview('de');
    const detail = await open('نحتاج');
    const quote = detail.querySelector('blockquote');
    expect(quote?.getAttribute('lang')).toBe('ar');
    expect(quote?.getAttribute('dir')).toBe('rtl');
    expect(detail.textContent).toContain('Geschrieben auf Arabisch');
    expect(detail.textContent).toContain('Jugendzentrum');
    expect(within(detail).getByText('Jugendliche')).toBeTruthy();
    expect(within(detail).getByText('Familien')).toBeTruthy();
    expect(within(detail).getByText('Hoch')).toBeTruthy();
    expect(detail.textContent).toContain('3 Personen unterstützen das');
  });

  it('publishes with the version shown: the card leaves the queue and a confirmation says so', async () => {
    const api = queueApi([ARABIC, GERMAN], {
      'POST /api/v1/records/0196f3a2-0000-7000-8000-00000000000b/publish': () =>
        ok({ record: { ...GERMAN, properties: { ...GERMAN.properties, status: 'published' } } }),
    });
    renderReview('de');
    const detail = await open('Bergstraße');
    fireEvent.click(within(detail).getByRole('button', { name: 'Veröffentlichen' }));
    expect(await screen.findByText('„Kita“ ist jetzt veröffentlicht.')).toBeTruthy();
    expect(rows().map((row) => row.dataset.recordId)).toEqual([ARABIC.id]);
    expect(screen.getByText('1 Einreichung wartet auf Prüfung')).toBeTruthy();
    expect(api.called('POST', `/api/v1/records/${GERMAN.id}/publish`)[0]?.body).toEqual({ baseVersion: 40 });
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    const api = queueApi([GERMAN], {
      'POST /api/v1/records/0196f3a2-0000-7000-8000-00000000000b/reject': () =>
        ok({ record: { ...GERMAN, properties: { ...GERMAN.properties, status: 'rejected' } } }),
    });
    renderReview('de');
    const detail = await open('Bergstraße');
    fireEvent.click(within(detail).getByRole('button', { name: 'Ablehnen' }));
    const reason = within(detail).getByLabelText('Warum wird das abgelehnt?');
    fireEvent.change(reason, { target: { value: '   ' } });
    fireEvent.click(within(detail).getByRole('button', { name: 'Ablehnen' }));
    expect(within(detail).getByText('Bitte geben Sie eine Begründung an.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(api.called('POST', `/api/v1/records/${GERMAN.id}/reject`)).toHaveLength(0);

    fireEvent.change(reason, { target: { value: '  Doppelt: steht schon als Bedarf Nr. 12 drin. ' } });
    fireEvent.click(within(detail).getByRole('button', { name: 'Ablehnen' }));
    expect(await screen.findByText(/wurde abgelehnt/)).toBeTruthy();
    expect(api.called('POST', `/api/v1/records/${GERMAN.id}/reject`)[0]?.body).toEqual({
      reason: 'Doppelt: steht schon als Bedarf Nr. 12 drin.',
      baseVersion: 40,
    });
    expect(await screen.findByText('Keine Einreichungen warten auf Prüfung. Alles erledigt – danke!')).toBeTruthy();
  });

  it('says someone else already handled it and reloads the queue when the record is no longer pending', async () => {
    let handled = false;
    const api = fakeApi({
      'GET /api/v1/records': () => page(handled ? [] : [GERMAN]),
      'GET /api/v1/conflicts': () => conflictPage([]),
      'GET /api/v1/records/0196f3a2-0000-7000-8000-00000000000b/history': () => history(GERMAN.id, []),
      'POST /api/v1/records/0196f3a2-0000-7000-8000-00000000000b/publish': () => {
        handled = true;
        return fail(409, 'RECORD_NOT_PENDING');
      },
    });
    renderReview('de');
    const detail = await open('Bergstraße');
    fireEvent.click(within(detail).getByRole('button', { name: 'Veröffentlichen' }));
    expect(await screen.findByText(/jemand hat ihn schon bearbeitet/)).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(api.called('GET', '/api/v1/records')).toHaveLength(2);
  });

  it('shows other errors by their code on the card and keeps it', async () => {
    queueApi([GERMAN], {
      'POST /api/v1/records/0196f3a2-0000-7000-8000-00000000000b/publish': () => fail(403, 'FORBIDDEN'),
    });
    renderReview('de');
    const detail = await open('Bergstraße');
    fireEvent.click(within(detail).getByRole('button', { name: 'Veröffentlichen' }));
    expect(await within(detail).findByText('Dafür fehlt Ihnen die Berechtigung.')).toBeTruthy();
    expect(rows().map((row) => row.dataset.recordId)).toEqual([GERMAN.id]);
    expect(screen.getByRole('article')).toBeTruthy();
  });

  it('opens the capture form for a record on this device, and says so when it is not here yet', async () => {
    queueApi([GERMAN]);
    const { onEditRecord } = renderReview('de');
    const detail = await open('Bergstraße');
    fireEvent.click(within(detail).getByRole('button', { name: 'Bearbeiten' }));
    expect(await within(detail).findByText(/noch nicht auf diesem Gerät/)).toBeTruthy();
    expect(onEditRecord).not.toHaveBeenCalled();

    const now = new Date().toISOString();
    await db.records.put({
      id: GERMAN.id,
      feature: { type: 'Feature', id: GERMAN.id, geometry: GERMAN.geometry, properties: GERMAN.properties },
      kind: 'need',
      quarterId: 'marten',
      sessionId: null,
      serverVersion: 40,
      deleted: false,
      status: 'pending',
      createdAt: now,
      localUpdatedAt: now,
      mediaIds: [],
    });
    fireEvent.click(within(detail).getByRole('button', { name: 'Bearbeiten' }));
    await waitFor(() =>
      expect(onEditRecord).toHaveBeenCalledWith({ id: GERMAN.id, kind: 'need', geometry: GERMAN.geometry }),
    );
  });

  it('names a failed load by its code and retries', async () => {
    let down = true;
    fakeApi({
      'GET /api/v1/records': () => (down ? 'network' : page([GERMAN])),
      'GET /api/v1/conflicts': () => conflictPage([]),
    });
    renderReview('en');
    expect(
      await screen.findByText('The server cannot be reached. Please check your internet connection.'),
    ).toBeTruthy();
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1 submission waiting for review')).toBeTruthy();
  });

  it('says so in a friendly way when nothing waits', async () => {
    queueApi([]);
    renderReview('ar');
    expect(await screen.findByText('لا توجد مشاركات بانتظار المراجعة. انتهى كل شيء – شكرًا!')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb } from '../data/test-helpers.ts';
import { conflictPage, fakeApi, history, ok, page, pendingNeed, renderReview } from './test-support.tsx';

const LINK_ID = '0196f3a2-0000-7000-8000-0000000000c1';
const RESIDENT = pendingNeed('0196f3a2-0000-7000-8000-00000000000e', {
  createdAt: '2025-05-02T09:00:00.000Z',
  text: 'Ein Spielplatz hinter der Grundschule wäre schön',
  lang: 'de',
  createdBy: `link:${LINK_ID}`,
});

function api(links: unknown[] = [{ id: LINK_ID, title: 'Aushang Bürgerhaus Eving' }]) {
  return fakeApi({
    'GET /api/v1/records': () => page([RESIDENT]),
    'GET /api/v1/conflicts': () => conflictPage([]),
    'GET /api/v1/resident-links': () => ok({ links }),
    [`GET /api/v1/records/${RESIDENT.id}/history`]: () =>
      history(RESIDENT.id, [
        {
          version: 40,
          action: 'create',
          at: '2025-05-02T09:00:00.000Z',
          by: { accountId: `link:${LINK_ID}`, name: null, deviceId: null },
          changes: {},
          note: null,
        },
      ]),
    [`POST /api/v1/records/${RESIDENT.id}/publish`]: () =>
      ok({ record: { ...RESIDENT, properties: { ...RESIDENT.properties, status: 'published' } } }),
  });
}

async function open(): Promise<HTMLElement> {
  const row = await screen.findByText('Spielplatz', { exact: false, selector: '.review-row *' });
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

describe('publishing a resident’s need', () => {
  it('keeps the text private unless the planner ticks “show the text publicly”', async () => {
    const calls = api();
    renderReview('de');
    const detail = await open();
    const box = within(detail).getByRole('checkbox', { name: 'Text auch öffentlich zeigen' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(within(detail).getByText(/keine Personen, Adressen/)).toBeTruthy();
    fireEvent.click(within(detail).getByRole('button', { name: 'Veröffentlichen' }));
    await screen.findByText(/ist jetzt veröffentlicht/);
    expect(calls.called('POST', `/api/v1/records/${RESIDENT.id}/publish`)[0]?.body).toEqual({ baseVersion: 40 });
  });

  it('sends showText when ticked', async () => {
    const calls = api();
    renderReview('de');
    const detail = await open();
    fireEvent.click(within(detail).getByRole('checkbox', { name: 'Text auch öffentlich zeigen' }));
    fireEvent.click(within(detail).getByRole('button', { name: 'Veröffentlichen' }));
    await screen.findByText(/ist jetzt veröffentlicht/);
    expect(calls.called('POST', `/api/v1/records/${RESIDENT.id}/publish`)[0]?.body).toEqual({
      baseVersion: 40,
      showText: true,
    });
  });

  it('names the resident link as the author, never a person, in the card and its history', async () => {
    api();
    renderReview('de');
    const detail = await open();
    expect(
      await within(detail).findByText('über Beteiligungs-Link „Aushang Bürgerhaus Eving“', {
        selector: '.review-fact *',
      }),
    ).toBeTruthy();
    expect(
      await within(detail).findByText('über Beteiligungs-Link „Aushang Bürgerhaus Eving“', {
        selector: '.history-event *',
      }),
    ).toBeTruthy();
    const row = document.querySelector(`[data-record-id="${RESIDENT.id}"]`) as HTMLElement;
    expect(row.textContent).toContain('über Beteiligungs-Link „Aushang Bürgerhaus Eving“');
  });

  it('still says it came through a link when the links cannot be loaded', async () => {
    fakeApi({
      'GET /api/v1/records': () => page([RESIDENT]),
      'GET /api/v1/conflicts': () => conflictPage([]),
      [`GET /api/v1/records/${RESIDENT.id}/history`]: () => history(RESIDENT.id, []),
    });
    renderReview('de');
    const detail = await open();
    expect(within(detail).getByText('über einen Beteiligungs-Link')).toBeTruthy();
  });
});

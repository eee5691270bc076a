// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '../i18n.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };
import { changeLanguage } from '../i18n.ts';
import { ReceiptPage } from './receipt-page.tsx';
import { residentDb } from './resident-db.ts';
import { fail, fakeServer, ok } from './test-support.ts';

vi.mock('../map/index.ts', () => ({ MapView: () => null }));

const RECEIPT = '7KQM4XPT9BRC';
const VOICE = 'a'.repeat(64);
const SUBMISSION = {
  id: '0196f3a2-0000-7000-8000-00000000000a',
  status: 'pending',
  submittedAt: '2026-12-01T10:00:00.000Z',
  consent: { noticeVersion: '2026-11-21', lang: 'de', givenAt: '2026-12-01T09:59:00.000Z' },
  feature: {
    type: 'Feature',
    id: '0196f3a2-0000-7000-8000-00000000000a',
    geometry: { type: 'Point', coordinates: [7.4651, 51.5604] },
    properties: {
      kind: 'need',
      quarterId: 'eving',
      category: 'kita',
      text: 'Die Kita am Markt ist voll',
      lang: 'de',
      media: [VOICE],
    },
  },
  publicLocation: null,
  textPublic: false,
};

const path = `/api/v1/receipts/${RECEIPT}`;

beforeEach(async () => {
  await changeLanguage('de');
  await Promise.all(residentDb.tables.map((table) => table.clear()));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the receipt page', () => {
  it('shows the submission with its voice note and deletes it only after a confirmation', async () => {
    let deleted = false;
    const api = fakeServer({
      [`GET ${path}`]: () => (deleted ? fail(404, 'RECEIPT_NOT_FOUND') : ok({ submission: SUBMISSION })),
      [`DELETE ${path}`]: () => {
        deleted = true;
        return { status: 204 };
      },
      'GET /api/v1/taxonomy': () => ok(taxonomy),
      'GET /api/v1/quarters': () => 'network',
      'GET /api/v1/config': () => 'network',
    });
    render(<ReceiptPage receipt={RECEIPT} />);
    expect(await screen.findByText('Wird geprüft')).toBeTruthy();
    expect(screen.getByText('Die Kita am Markt ist voll')).toBeTruthy();
    expect(screen.getByText('Ihr Text ist nicht öffentlich.')).toBeTruthy();
    expect(await screen.findByText('Kita')).toBeTruthy();
    const audio = screen.getByLabelText('Sprachnachricht 1');
    expect(audio.getAttribute('src')).toBe(`${path}/media/${VOICE}`);
    // The code goes to the server only in the address; no token or cookie stands in for it.
    expect(api.called('GET', path)[0]?.authorization).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Meine Meldung löschen' }));
    const confirm = screen.getByRole('region', { name: 'Wirklich löschen?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Nein, behalten' }));
    expect(api.called('DELETE', path)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Meine Meldung löschen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, endgültig löschen' }));
    expect(await screen.findByText('Ihre Meldung ist gelöscht.')).toBeTruthy();
    expect(api.called('DELETE', path)).toHaveLength(1);
  });

  it('takes a code typed with spaces and small letters, and says when no submission has it', async () => {
    fakeServer({
      [`GET ${path}`]: () => fail(404, 'RECEIPT_NOT_FOUND'),
      'GET /api/v1/taxonomy': () => ok(taxonomy),
      'GET /api/v1/quarters': () => 'network',
      'GET /api/v1/config': () => 'network',
    });
    render(<ReceiptPage receipt={null} />);
    const input = screen.getByRole('textbox', { name: 'Beleg-Code' });
    fireEvent.change(input, { target: { value: '7kqm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anzeigen' }));
    expect(await screen.findByText('Das ist kein Beleg-Code. Er hat 12 Zeichen.')).toBeTruthy();

    fireEvent.change(input, { target: { value: '7kqm 4xpt 9brc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anzeigen' }));
    expect(await screen.findByText(/Zu diesem Beleg-Code gibt es keine Meldung/)).toBeTruthy();
    expect(window.location.pathname).toBe(`/receipt/${RECEIPT}`);
  });
});

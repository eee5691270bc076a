// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '../i18n.ts';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };
import { changeLanguage } from '../i18n.ts';
import type { MapViewProps } from '../map/index.ts';
import { ResidentApp } from './resident-app.tsx';
import { residentDb } from './resident-db.ts';
import { created, fail, fakeServer, ok } from './test-support.ts';

// MapLibre needs WebGL; the stand-in map offers the one thing the flow asks of it: a tap at a place.
vi.mock('../map/index.ts', () => ({
  MapView: ({ mode }: MapViewProps) =>
    mode.type === 'place-point' ? (
      <>
        <button type="button" aria-label="map: tap inside Eving" onClick={() => mode.onChange([7.4702, 51.5651])} />
        <button type="button" aria-label="map: tap far away" onClick={() => mode.onChange([7.3, 51.4])} />
      </>
    ) : null,
}));

const CODE = 'k7m2x9q4ab';
const LINK = { code: CODE, title: 'Aushang Bürgerhaus Eving', quarterId: 'eving', languages: ['ar', 'tr'] };
const NEEDS = '/api/v1/resident/needs';
const QUARTERS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'eving',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [7.44, 51.55],
            [7.5, 51.55],
            [7.5, 51.58],
            [7.44, 51.58],
            [7.44, 51.55],
          ],
        ],
      },
      properties: {
        name: 'Eving',
        city: 'Dortmund',
        approximate: false,
        sourceNote: '',
        demo: false,
        recordCounts: {},
      },
    },
  ],
};

function server(linkAnswer = ok({ link: LINK })) {
  return fakeServer({
    [`GET /api/v1/resident-links/by-code/${CODE}`]: () => linkAnswer,
    [`POST /api/v1/resident-links/by-code/${CODE}/devices`]: () => created({ token: 'qart_phone' }),
    'GET /api/v1/taxonomy': () => ok(taxonomy),
    'GET /api/v1/quarters': () => ok(QUARTERS),
    'GET /api/v1/config': () => ok({ basemap: { styleUrl: null } }),
    [`POST ${NEEDS}`]: () => created({ id: 'x', status: 'pending', submittedAt: '2026-12-01T10:00:00.000Z' }),
  });
}

/** Every tap the person makes after choosing the language goes through here, so the test can count them. */
let taps = 0;
function tap(element: HTMLElement) {
  taps += 1;
  fireEvent.click(element);
}

beforeEach(async () => {
  taps = 0;
  localStorage.clear();
  await changeLanguage('de');
  await Promise.all(residentDb.tables.map((table) => table.clear()));
  window.history.replaceState(null, '', `/r/${CODE}`);
  window.scrollTo = vi.fn();
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      watchPosition: (success: PositionCallback) => {
        setTimeout(() => success({ coords: { longitude: 7.4651, latitude: 51.5604, accuracy: 12 } } as never), 10);
        return 1;
      },
      clearWatch: vi.fn(),
    },
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function chooseGerman() {
  render(<ResidentApp code={CODE} />);
  const languages = await screen.findAllByRole('button', { name: /Deutsch|العربية|Türkçe/ });
  // The link's languages come first, in the link's order.
  expect(languages.slice(0, 2).map((button) => button.textContent)).toEqual(['العربية', 'Türkçe']);
  fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
  await screen.findByRole('heading', { name: 'Was fehlt hier?' });
}

describe('the resident flow', () => {
  it('records a need in four taps after the language and shows the receipt code at once', async () => {
    const api = server();
    await chooseGerman();

    tap(screen.getByRole('radio', { name: 'Kita' }));
    tap(await screen.findByRole('button', { name: 'Hier, wo ich bin' }));
    tap(await screen.findByRole('button', { name: 'Weiter' }));
    tap(await screen.findByRole('button', { name: 'Ich bin einverstanden – senden' }));

    expect(await screen.findByRole('heading', { name: 'Danke! Ihre Meldung ist gespeichert.' })).toBeTruthy();
    expect(taps).toBe(4);
    const [item] = await residentDb.outbox.toArray();
    const shown = screen.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent;
    expect(shown?.replaceAll('-', '')).toBe(item?.receipt);

    await waitFor(() => expect(api.called('POST', NEEDS)).toHaveLength(1));
    expect(api.called('POST', NEEDS)[0]).toMatchObject({
      authorization: 'Bearer qart_phone',
      body: {
        receipt: item?.receipt,
        consent: { noticeVersion: expect.any(String), lang: 'de', givenAt: expect.any(String) },
        feature: {
          geometry: { type: 'Point', coordinates: [7.4651, 51.5604] },
          properties: { kind: 'need', category: 'kita', quarterId: 'eving' },
        },
      },
    });
    expect(await screen.findAllByText('Gesendet')).not.toHaveLength(0);
  });

  it('sends nothing without the consent, and keeps the draft when the person steps back', async () => {
    const api = server();
    await chooseGerman();
    fireEvent.click(screen.getByRole('radio', { name: 'Kita' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hier, wo ich bin' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Schreiben – in jeder Sprache' }), {
      target: { value: 'Die Kita am Markt ist voll' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    await screen.findByRole('heading', { name: 'Einverstanden?' });
    // The consent step offers no way to send except agreeing.
    const sendButtons = screen.getAllByRole('button').filter((b) => /senden/i.test(b.textContent ?? ''));
    expect(sendButtons.map((b) => b.textContent)).toEqual(['Ich bin einverstanden – senden']);
    expect(screen.getByRole('link', { name: 'Datenschutzhinweis lesen' }).getAttribute('href')).toBe('/privacy');

    fireEvent.click(screen.getByRole('button', { name: 'Zurück' }));
    expect(await screen.findByDisplayValue('Die Kita am Markt ist voll')).toBeTruthy();
    expect(await residentDb.outbox.count()).toBe(0);
    expect(api.called('POST', NEEDS)).toHaveLength(0);
    expect((await residentDb.drafts.get(CODE))?.text).toBe('Die Kita am Markt ist voll');
  });

  it('refuses a place outside every known quarter with a clear message', async () => {
    server();
    await chooseGerman();
    fireEvent.click(screen.getByRole('radio', { name: 'Kita' }));
    fireEvent.click(await screen.findByRole('button', { name: 'map: tap far away' }));
    expect(await screen.findByText(/außerhalb des Quartiers/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Diesen Ort nehmen' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'map: tap inside Eving' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Diesen Ort nehmen' }));
    expect(await screen.findByRole('heading', { name: 'Möchten Sie mehr sagen?' })).toBeTruthy();
  });

  it('keeps a submission made without a network and lists it as waiting until it is sent', async () => {
    let online = true;
    fakeServer({
      [`GET /api/v1/resident-links/by-code/${CODE}`]: () => (online ? ok({ link: LINK }) : 'network'),
      [`POST /api/v1/resident-links/by-code/${CODE}/devices`]: () =>
        online ? created({ token: 'qart_x' }) : 'network',
      'GET /api/v1/taxonomy': () => (online ? ok(taxonomy) : 'network'),
      'GET /api/v1/quarters': () => (online ? ok(QUARTERS) : 'network'),
      'GET /api/v1/config': () => 'network',
      [`POST ${NEEDS}`]: () => (online ? created({ id: 'x', status: 'pending', submittedAt: 'now' }) : 'network'),
    });
    // The phone opened the link once before, with a network: everything it needs is stored.
    const first = render(<ResidentApp code={CODE} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Deutsch' }));
    await screen.findByRole('heading', { name: 'Was fehlt hier?' });
    first.unmount();

    online = false;
    render(<ResidentApp code={CODE} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Kita' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hier, wo ich bin' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Weiter' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ich bin einverstanden – senden' }));
    await screen.findByRole('heading', { name: 'Danke! Ihre Meldung ist gespeichert.' });
    expect((await screen.findAllByText('Wartet auf Versand')).length).toBeGreaterThan(0);

    online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(async () => expect((await residentDb.outbox.toArray())[0]?.state).toBe('sent'));
    expect((await screen.findAllByText('Gesendet')).length).toBeGreaterThan(0);
  });

  it('switches to Arabic from right to left', async () => {
    server();
    render(<ResidentApp code={CODE} />);
    fireEvent.click(await screen.findByRole('button', { name: 'العربية' }));
    expect(await screen.findByRole('heading', { name: 'ما الذي ينقص هنا؟' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('says so when the link is closed or unknown', async () => {
    server(fail(410, 'LINK_REVOKED'));
    render(<ResidentApp code={CODE} />);
    expect(await screen.findByRole('heading', { name: 'Dieser Link ist geschlossen' })).toBeTruthy();
    cleanup();
    server(fail(404, 'LINK_NOT_FOUND'));
    render(<ResidentApp code={CODE} />);
    expect(await screen.findByRole('heading', { name: 'Diesen Link gibt es nicht' })).toBeTruthy();
  });
});

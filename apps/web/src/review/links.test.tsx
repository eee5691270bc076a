// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import type { ResidentLink } from '@quartiersatlas/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb } from '../data/test-helpers.ts';
import { conflictPage, fail, fakeApi, ok, page, renderReview } from './test-support.tsx';

const BUERGERHAUS: ResidentLink = {
  id: '0196f3a2-0000-7000-8000-0000000000c1',
  code: 'k3m9x2p7qa',
  path: '/r/k3m9x2p7qa',
  title: 'Aushang Bürgerhaus Eving',
  quarterId: 'eving',
  sessionId: '0196f3a2-0000-7000-8000-0000000000d1',
  languages: ['de', 'tr', 'ar'],
  createdBy: '0196f000-0000-7000-8000-000000000001',
  createdAt: '2025-05-02T09:00:00.000Z',
  revokedAt: null,
  submissions: 4,
};
const MARKT: ResidentLink = {
  ...BUERGERHAUS,
  id: '0196f3a2-0000-7000-8000-0000000000c2',
  code: 'a1b2c3d4e5',
  path: '/r/a1b2c3d4e5',
  title: 'Wochenmarkt Marten',
  quarterId: 'marten',
  sessionId: null,
  languages: ['de', 'pl'],
  revokedAt: '2025-05-20T10:00:00.000Z',
  submissions: 1,
};
const SESSION = {
  id: '0196f3a2-0000-7000-8000-0000000000d1',
  kind: 'resident_link',
  title: 'Sommerfest 2025',
  quarterId: 'eving',
  startedAt: '2025-06-01T10:00:00.000Z',
  endedAt: null,
  version: 3,
  createdAt: '2025-06-01T10:00:00.000Z',
  updatedAt: '2025-06-01T10:00:00.000Z',
  createdBy: null,
  demo: false,
};
const OTHER_SESSION = {
  ...SESSION,
  id: '0196f3a2-0000-7000-8000-0000000000d2',
  title: 'Rundgang Marten',
  quarterId: 'marten',
};

function linksApi(links: ResidentLink[], extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/records': () => page([]),
    'GET /api/v1/conflicts': () => conflictPage([]),
    'GET /api/v1/resident-links': () => ok({ links }),
    'GET /api/v1/sessions': () => ok({ sessions: [SESSION, OTHER_SESSION] }),
    ...extra,
  });
}

async function openLinksTab() {
  fireEvent.click(await screen.findByRole('tab', { name: /Beteiligungs-Links/ }));
}

beforeEach(async () => {
  await resetDb();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('resident links', () => {
  it('lists links with quarter, session, languages, submissions and whether they are open', async () => {
    linksApi([BUERGERHAUS, MARKT]);
    renderReview('de');
    // The tab counts the open links.
    await waitFor(() =>
      expect(within(screen.getByRole('tab', { name: /Beteiligungs-Links/ })).getByText('1')).toBeTruthy(),
    );
    await openLinksTab();
    expect(await screen.findByText('2 Beteiligungs-Links, davon 1 offen')).toBeTruthy();
    const rows = screen.getAllByRole('button').filter((button) => button.classList.contains('link-row'));
    expect(rows.map((row) => row.dataset.linkId)).toEqual([BUERGERHAUS.id, MARKT.id]);
    const first = rows[0] as HTMLElement;
    expect(first.textContent).toContain('Aushang Bürgerhaus Eving');
    expect(first.textContent).toContain('Eving');
    expect(await within(first).findByText('Sommerfest 2025')).toBeTruthy();
    expect(within(first).getByText('4 Einreichungen')).toBeTruthy();
    expect(within(first).getByText('Offen')).toBeTruthy();
    const arabic = within(first).getByText('العربية');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(within(rows[1] as HTMLElement).getByText('Geschlossen')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('1 Einreichung')).toBeTruthy();
  });

  it('creates a link for the chosen quarter and shows its address, QR code and poster button', async () => {
    const created: ResidentLink = {
      ...BUERGERHAUS,
      id: '0196f3a2-0000-7000-8000-0000000000c9',
      code: 'zz99yy88xx',
      path: '/r/zz99yy88xx',
      title: 'Kita Nord',
      sessionId: SESSION.id,
      languages: ['de', 'tr', 'ar', 'uk'],
      submissions: 0,
    };
    const api = linksApi([], { 'POST /api/v1/resident-links': () => ({ status: 201, body: { link: created } }) });
    renderReview('de');
    await openLinksTab();
    expect(await screen.findByText(/Noch keine Beteiligungs-Links/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Neuer Beteiligungs-Link' }));
    const form = (await screen.findByRole('heading', { name: 'Neuer Beteiligungs-Link' })).closest(
      'form',
    ) as HTMLElement;

    // Without a title nothing is sent, and the field says why.
    fireEvent.click(within(form).getByRole('button', { name: 'Link erstellen' }));
    expect(within(form).getByText('Bitte geben Sie einen Titel an.')).toBeTruthy();
    expect(api.called('POST', '/api/v1/resident-links')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Titel'), { target: { value: '  Kita Nord ' } });
    // The quarter starts as the one chosen in the top bar; sessions are only that quarter's.
    expect((within(form).getByLabelText('Quartier') as HTMLSelectElement).value).toBe('eving');
    const session = within(form).getByLabelText('Erhebung (freiwillig)') as HTMLSelectElement;
    await waitFor(() => expect(session.options).toHaveLength(2));
    expect([...session.options].map((option) => option.textContent)).not.toContain('Rundgang Marten');
    fireEvent.change(session, { target: { value: SESSION.id } });
    // German, Turkish and Arabic are ticked to begin with, each named in its own script.
    const checked = within(form)
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => (box as HTMLInputElement).value);
    expect(checked).toEqual(['de', 'tr', 'ar']);
    fireEvent.click(within(form).getByLabelText('Українська'));
    fireEvent.click(within(form).getByRole('button', { name: 'Link erstellen' }));

    expect(await screen.findByText(/Der Beteiligungs-Link ist erstellt/)).toBeTruthy();
    expect(api.called('POST', '/api/v1/resident-links')[0]?.body).toEqual({
      title: 'Kita Nord',
      quarterId: 'eving',
      sessionId: SESSION.id,
      languages: ['de', 'tr', 'ar', 'uk'],
    });
    const address = screen.getByLabelText('Adresse für Bewohner*innen') as HTMLInputElement;
    expect(address.value).toBe(`${window.location.origin}/r/zz99yy88xx`);
    const qr = screen.getByRole('img', { name: /QR-Code für .*\/r\/zz99yy88xx/ });
    expect(Number(qr.getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
    expect(screen.getByRole('button', { name: 'Aushang drucken' })).toBeTruthy();
    // The new link heads the list.
    expect(screen.getByText('1 Beteiligungs-Link, 1 offen')).toBeTruthy();
  });

  it('copies the address with the copy button', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    linksApi([BUERGERHAUS]);
    renderReview('de');
    await openLinksTab();
    fireEvent.click(await screen.findByText('Aushang Bürgerhaus Eving', { selector: '.link-row *' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Kopieren' }));
    expect(await screen.findByText('Die Adresse ist kopiert.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/r/k3m9x2p7qa`);
  });

  it('names the fields the server refused', async () => {
    linksApi([], {
      'POST /api/v1/resident-links': () => ({
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'bad',
          details: [{ field: 'sessionId', code: 'UNKNOWN_SESSION', message: 'no such session' }],
        },
      }),
    });
    renderReview('de');
    await openLinksTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Neuer Beteiligungs-Link' }));
    fireEvent.change(await screen.findByLabelText('Titel'), { target: { value: 'Aushang' } });
    fireEvent.click(screen.getByRole('button', { name: 'Link erstellen' }));
    expect(await screen.findByText(/Diese Erhebung gehört nicht zu diesem Quartier/)).toBeTruthy();
    expect(screen.getByLabelText('Erhebung (freiwillig)').getAttribute('aria-invalid')).toBe('true');
  });

  it('closes a link only after asking, and shows it closed', async () => {
    const api = linksApi([BUERGERHAUS], {
      [`DELETE /api/v1/resident-links/${BUERGERHAUS.id}`]: () => ({ status: 204, body: null }),
    });
    renderReview('de');
    await openLinksTab();
    fireEvent.click(await screen.findByText('Aushang Bürgerhaus Eving', { selector: '.link-row *' }));
    const detail = (await screen.findByRole('article')) as HTMLElement;
    fireEvent.click(within(detail).getByRole('button', { name: 'Link schließen' }));
    expect(within(detail).getByText('„Aushang Bürgerhaus Eving“ schließen?')).toBeTruthy();
    fireEvent.click(within(detail).getByRole('button', { name: 'Abbrechen' }));
    expect(api.called('DELETE', `/api/v1/resident-links/${BUERGERHAUS.id}`)).toHaveLength(0);

    fireEvent.click(within(detail).getByRole('button', { name: 'Link schließen' }));
    fireEvent.click(within(detail).getByRole('button', { name: 'Ja, Link schließen' }));
    expect(await screen.findByText('„Aushang Bürgerhaus Eving“ ist geschlossen.')).toBeTruthy();
    expect(api.called('DELETE', `/api/v1/resident-links/${BUERGERHAUS.id}`)).toHaveLength(1);
    expect(screen.getByText(/Dieser Link ist geschlossen/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Aushang drucken' })).toBeNull();
    expect(screen.getByText('1 Beteiligungs-Link, 0 offen')).toBeTruthy();
  });

  it('keeps the card and says why when closing fails', async () => {
    linksApi([BUERGERHAUS], {
      [`DELETE /api/v1/resident-links/${BUERGERHAUS.id}`]: () => fail(403, 'FORBIDDEN'),
    });
    renderReview('de');
    await openLinksTab();
    fireEvent.click(await screen.findByText('Aushang Bürgerhaus Eving', { selector: '.link-row *' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Link schließen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, Link schließen' }));
    expect(await screen.findByText('Dafür fehlt Ihnen die Berechtigung.')).toBeTruthy();
    expect(screen.getByText('Offen', { selector: '.review-detail__meta *' })).toBeTruthy();
  });
});

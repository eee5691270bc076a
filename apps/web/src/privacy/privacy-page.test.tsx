// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '../i18n.ts';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../i18n.ts';
import { residentDb } from '../resident/resident-db.ts';
import { fakeServer, ok } from '../resident/test-support.ts';
import { PrivacyPage } from './privacy-page.tsx';

function config(contact: string | null) {
  return ok({ basemap: { styleUrl: null }, privacy: { retentionDays: 365, noticeVersion: '2026-11-21', contact } });
}

beforeEach(async () => {
  await Promise.all(residentDb.tables.map((table) => table.clear()));
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await changeLanguage('de');
});

describe('the privacy notice', () => {
  it('reads right to left in Arabic, with the retention period and who to ask', async () => {
    fakeServer({ 'GET /api/v1/config': () => config(null) });
    await changeLanguage('ar');
    render(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'إشعار حماية البيانات' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(await screen.findByText(/بعد 365 يومًا نحذف البلاغ غير المنشور/)).toBeTruthy();
    expect(screen.getByText(/لم يحدد المشغّل جهة اتصال بعد/)).toBeTruthy();
    expect(within(screen.getByRole('article')).getByRole('link', { name: 'بلاغي' }).getAttribute('href')).toBe(
      '/receipt',
    );
  });

  it('names the contact the operator configured', async () => {
    fakeServer({
      'GET /api/v1/config': () => config('Stadt Dortmund, Amt für Stadterneuerung, datenschutz@example.org'),
    });
    await changeLanguage('de');
    render(<PrivacyPage />);
    expect(await screen.findByText('Stadt Dortmund, Amt für Stadterneuerung, datenschutz@example.org')).toBeTruthy();
    expect(screen.getByText(/Nach 365 Tagen löschen wir/)).toBeTruthy();
    expect(screen.getByText('Fassung vom 21. November 2026')).toBeTruthy();
  });
});

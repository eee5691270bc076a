// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { resources } from '@quartiersatlas/i18n';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb } from '../data/test-helpers.ts';
import { SignInCard } from './sign-in-card.tsx';

// Locked until 14:35 local time today, as the server says it in UTC.
const UNTIL = new Date();
UNTIL.setHours(14, 35, 0, 0);

function renderCard(language: string) {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  render(
    <I18nextProvider i18n={i18n}>
      <SignInCard />
    </I18nextProvider>,
  );
}

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText(/Benutzername|Username|اسم المستخدم/), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(/Passwort|Password|كلمة المرور/), { target: { value: password } });
  fireEvent.submit(
    screen.getByRole('button', { name: /Anmelden|Sign in|تسجيل الدخول/ }).closest('form') as HTMLElement,
  );
}

beforeEach(async () => {
  await resetDb();
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            code: 'ACCOUNT_LOCKED',
            message: 'locked',
            details: { until: UNTIL.toISOString() },
          }),
          { status: 423, headers: { 'content-type': 'application/json' } },
        ),
    ),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in card', () => {
  it('says until when a locked account stays locked, as a time in German', async () => {
    renderCard('de');
    signIn('feld.eving', 'falsch-falsch');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zu viele falsche Passwörter');
    expect(alert.textContent).toContain('bis 14:35 gesperrt');
    expect(alert.textContent).not.toContain(UNTIL.toISOString());
  });

  it('writes the time the way English and Arabic readers write it', async () => {
    renderCard('en');
    signIn('feld.eving', 'wrong-wrong');
    const english = (await screen.findByRole('alert')).textContent ?? '';
    // Newer ICU puts a narrow no-break space before "PM".
    expect(english.replace(/\s/g, ' ')).toContain('locked until 2:35 PM');
    cleanup();
    renderCard('ar');
    signIn('feld.eving', 'wrong-wrong');
    const arabic = new Intl.DateTimeFormat('ar', { timeStyle: 'short' }).format(UNTIL);
    expect((await screen.findByRole('alert')).textContent).toContain(arabic);
  });
});

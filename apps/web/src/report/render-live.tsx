import { resources } from '@quartiersatlas/i18n';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';

/**
 * Renders `element` into jsdom in `language` with the real locales, for component tests that click,
 * type and wait for answers (the static `renderIn` cannot run effects).
 */
export function renderLive(language: string, element: ReactElement) {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
  return render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

/** A `fetch` that answers JSON by path; unknown paths get a 404 in the API's error shape. */
export function fakeFetch(routes: Record<string, unknown>) {
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push(url.pathname + url.search);
    const found = Object.hasOwn(routes, url.pathname);
    const body = found ? routes[url.pathname] : { code: 'NOT_FOUND', message: `no ${url.pathname}` };
    return new Response(JSON.stringify(body), {
      status: found ? 200 : 404,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, calls };
}

/** Tests only: the review view rendered in a language against a fake API that records its calls. */
import type { Account, Taxonomy } from '@quartiersatlas/domain';
import { resources } from '@quartiersatlas/i18n';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { vi } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };
import type { QuarterCollection } from '../api/endpoints.ts';
import type { Conflict, HistoryEvent, ServerRecord } from './review-api.ts';
import { ReviewView, type ReviewViewProps } from './review-view.tsx';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Answer = { status: number; body: unknown } | 'network';
type Route = (call: Call) => Answer;

/** Routes by "METHOD /path" (the path without its query); unknown routes answer 404 as the API does. */
export function fakeApi(routes: Record<string, Route>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://atlas.test');
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    const answer: Answer = route ? route(call) : { status: 404, body: { code: 'NOT_FOUND', message: 'no route' } };
    if (answer === 'network') throw new TypeError('Failed to fetch');
    // A 204 has no body at all (the Response constructor refuses one).
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    calls,
    called: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const fail = (status: number, code: string): Answer => ({ status, body: { code, message: code } });

export const QUARTERS: QuarterCollection = {
  type: 'FeatureCollection',
  features: ['eving', 'marten'].map((id) => ({
    type: 'Feature',
    id,
    geometry: null,
    properties: {
      name: id === 'eving' ? 'Eving' : 'Marten',
      city: 'Dortmund',
      approximate: false,
      sourceNote: '',
      demo: false,
      recordCounts: { service: 0, vacancy: 0, brownfield: 0, need: 0 },
    },
  })),
};

const PLANNER: Account = {
  id: '0196f000-0000-7000-8000-000000000001',
  username: 'a.yilmaz',
  displayName: 'Ayşe Yılmaz',
  role: 'planner',
  disabled: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

export function pendingNeed(
  id: string,
  properties: Partial<ServerRecord['properties']> & { createdAt: string },
): ServerRecord {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [7.4651, 51.5604] },
    properties: {
      kind: 'need',
      quarterId: 'eving',
      category: 'kita',
      status: 'pending',
      version: 40,
      updatedAt: properties.createdAt,
      deleted: false,
      ...properties,
    },
  };
}

export function page(records: ServerRecord[], nextCursor: string | null = null) {
  return ok({ type: 'FeatureCollection', features: records, numberReturned: records.length, nextCursor, links: [] });
}

export function conflictPage(conflicts: Conflict[]) {
  return ok({ conflicts, nextCursor: null });
}

export function history(recordId: string, events: HistoryEvent[]) {
  return ok({ recordId, events });
}

/** Renders the review view as the shell does; `onEditRecord` is a spy. */
export function renderReview(language = 'de', props: Partial<ReviewViewProps> = {}) {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  const onEditRecord = vi.fn();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ReviewView
        account={PLANNER}
        quarters={QUARTERS}
        taxonomy={taxonomy as Taxonomy}
        quarterId="eving"
        basemapStyleUrl={null}
        onEditRecord={onEditRecord}
        {...props}
      />
    </I18nextProvider>,
  );
  return { ...view, onEditRecord };
}

// What the app exposes to these tests when window.__QA_TEST__ is set (see src/i18n.ts, src/shell/map-frame.tsx).
export {};

declare global {
  interface Window {
    __QA_TEST__?: boolean;
    __QA_MISSING__?: string[];
    __QA_MAP__?: { queryRenderedFeatures(options: { layers: string[] }): unknown[] };
  }
}

// What the app exposes to these tests when window.__QA_TEST__ is set (see src/i18n.ts,
// src/shell/map-frame.tsx, src/analysis/analysis-view.tsx).
export {};

declare global {
  interface Window {
    __QA_TEST__?: boolean;
    __QA_MISSING__?: string[];
    __QA_MAP__?: { queryRenderedFeatures(options: { layers: string[] }): unknown[] };
    /** The analysis view's MapLibre map: the few methods the planner test uses. */
    __QA_ANALYSIS_MAP__?: {
      queryRenderedFeatures(
        where: { layers: string[] } | [number, number],
      ): Array<{ geometry: unknown; properties: Record<string, number> | null; layer: { id: string } }>;
      project(lngLat: [number, number]): { x: number; y: number };
      getCanvas(): HTMLCanvasElement;
    };
  }
}

import type { Account, Taxonomy } from '@quartiersatlas/domain';
import taxonomyJson from '../../../../data/taxonomy.json' with { type: 'json' };
import type { QuarterCollection } from '../api/endpoints.ts';
import type { ImportSummary } from '../exchange/imports-api.ts';
import type { WorkspaceProps } from '../workspace-props.ts';
import type { AnalysisJob, DemandLayer, OverviewReport } from './report-api.ts';

/** Shared test data for the overview, report and data view tests: two quarters, one analysis. */
export const taxonomy = taxonomyJson as Taxonomy;

const square = (lon: number, lat: number, size: number) => [
  [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ],
];

export const quarters: QuarterCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'eving',
      geometry: { type: 'Polygon', coordinates: square(7.45, 51.54, 0.03) },
      properties: {
        name: 'Eving',
        city: 'Dortmund',
        approximate: true,
        sourceNote: 'Sketched by the Quartiersatlas project for the demo',
        demo: true,
        recordCounts: { service: 191, vacancy: 36, brownfield: 12, need: 145 },
      },
    },
    {
      type: 'Feature',
      id: 'marten',
      geometry: { type: 'Polygon', coordinates: square(7.39, 51.51, 0.02) },
      properties: {
        name: 'Marten',
        city: 'Dortmund',
        approximate: false,
        sourceNote: 'Stadt Dortmund, statistische Bezirke',
        demo: false,
        recordCounts: { service: 109, vacancy: 24, brownfield: 9, need: 105 },
      },
    },
  ],
};

export const planner: Account = {
  id: '0196f3a2-7c1e-7d40-9a51-3f0c2b8e4d17',
  username: 'a.yilmaz',
  displayName: 'Ayşe Yılmaz',
  role: 'planner',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
} as Account;

export const workspace: WorkspaceProps = {
  account: planner,
  quarters,
  taxonomy,
  quarterId: 'eving',
  basemapStyleUrl: 'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json',
};

export const ANALYSIS_ID = '0196f3a2-0000-7000-8000-000000000001';

export const overview: OverviewReport = {
  generatedAt: '2026-11-21T09:30:00.000Z',
  quarters: [
    {
      id: 'eving',
      name: 'Eving',
      records: { service: 191, vacancy: 36, brownfield: 12, need: 145 },
      pending: 7,
      byCategory: [
        { category: 'groceries', service: 9, need: 21 },
        { category: 'kita', service: 4, need: 17 },
      ],
      needsByLanguage: [
        { lang: 'tr', count: 40 },
        { lang: 'de', count: 60 },
        { lang: 'und', count: 3 },
      ],
      needsByTargetGroup: [
        { group: 'children', count: 30 },
        { group: 'seniors', count: 12 },
      ],
    },
    {
      id: 'marten',
      name: 'Marten',
      records: { service: 109, vacancy: 24, brownfield: 9, need: 105 },
      pending: 2,
      byCategory: [
        { category: 'groceries', service: 3, need: 30 },
        { category: 'library', service: 0, need: 11 },
      ],
      needsByLanguage: [
        { lang: 'ar', count: 25 },
        { lang: 'tr', count: 5 },
      ],
      needsByTargetGroup: [{ group: 'youth', count: 8 }],
    },
  ],
  sessions: [
    {
      id: 's1',
      title: 'Begehung Evinger Platz',
      kind: 'walkabout',
      quarterId: 'eving',
      startedAt: '2026-04-14T08:00:00.000Z',
      endedAt: '2026-04-14T12:00:00.000Z',
      records: { service: 48, vacancy: 9, brownfield: 2, need: 0 },
    },
    {
      id: 's2',
      title: 'Quartierszirkel Marten Mai',
      kind: 'quartierszirkel',
      quarterId: 'marten',
      startedAt: '2026-05-06T16:00:00.000Z',
      endedAt: null,
      records: { service: 0, vacancy: 0, brownfield: 0, need: 33 },
    },
  ],
  coverage: [
    {
      category: 'groceries',
      analysisId: ANALYSIS_ID,
      method: 'coverage',
      finishedAt: '2026-11-20T15:00:00.000Z',
      stale: true,
      population: 30000,
      coverageShare: 0.62,
      servedShare: 0.55,
      deficit: 13500,
      supplyPer1000: 0.21,
      quarters: [
        { id: 'eving', name: 'Eving', population: 19000, coverageShare: 0.81, servedShare: 0.7, deficit: 5700 },
        { id: 'marten', name: 'Marten', population: 11000, coverageShare: 0.3, servedShare: 0.28, deficit: 7800 },
      ],
    },
  ],
};

const hex = (lon: number, lat: number) => {
  const r = 0.002;
  const ring: Array<[number, number]> = [];
  for (let i = 0; i <= 6; i++) {
    const angle = (Math.PI / 3) * (i % 6);
    ring.push([lon + r * Math.cos(angle), lat + r * 0.6 * Math.sin(angle)]);
  }
  return ring;
};

export const analysis: AnalysisJob = {
  id: ANALYSIS_ID,
  status: 'done',
  stale: true,
  parameters: { category: 'groceries', method: 'coverage' },
  createdAt: '2026-11-20T14:59:00.000Z',
  finishedAt: '2026-11-20T15:00:00.000Z',
  result: {
    parameters: { category: { id: 'groceries', demandGroup: 'all', catchmentM: 800 }, method: 'coverage' },
    grid: {
      type: 'FeatureCollection',
      features: [
        { id: 'c1', center: [7.46, 51.55], priority: 0.9, deficit: 120, coverageShare: 0.1, population: 130 },
        { id: 'c2', center: [7.465, 51.552], priority: 0.1, deficit: 0, coverageShare: 1, population: 80 },
        { id: 'c3', center: [7.47, 51.555], priority: 0, deficit: 0, coverageShare: null, population: 0 },
      ].map((cell) => ({
        type: 'Feature' as const,
        id: cell.id,
        geometry: { type: 'Polygon' as const, coordinates: [hex(cell.center[0] ?? 0, cell.center[1] ?? 0)] },
        properties: {
          priority: cell.priority,
          deficit: cell.deficit,
          coverageShare: cell.coverageShare,
          population: cell.population,
        },
      })),
    },
  },
};

export const demandLayers: DemandLayer[] = [
  {
    id: 'layer-zensus',
    name: 'Zensus 2022 Dortmund 100 m',
    sourceNote: 'Zensus 2022, Gitterzellen 100 m',
    cellCount: 5120,
    population: 61234,
    demo: false,
    createdAt: '2026-11-02T10:00:00.000Z',
  },
];

export const imports: ImportSummary[] = [
  {
    id: 'imp-1',
    format: 'geojson',
    fileName: 'dortmund_area_lidl_osm.geojson',
    status: 'done',
    rowsTotal: 14,
    rowsImported: 9,
    createdAt: '2026-11-03T10:00:00.000Z',
    report: { created: 9, updated: 0, skipped: [], rejected: [] },
  },
  {
    id: 'imp-2',
    format: 'csv',
    fileName: 'haltestellen-kaputt.csv',
    status: 'failed',
    rowsTotal: 120,
    rowsImported: 0,
    createdAt: '2026-11-04T10:00:00.000Z',
    report: {
      created: 0,
      updated: 0,
      skipped: [],
      rejected: [{ row: 17, field: 'lat', code: 'INVALID_NUMBER', message: '"51,5x" is not a number' }],
    },
  },
];

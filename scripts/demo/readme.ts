/** data/demo/README.md, written from the generated data so its counts can never drift. */
import type { SurveySessionInput } from '@quartiersatlas/domain';
import type { RecordFeature } from './generate.ts';
import type { GridCell } from './population.ts';
import type { QuarterId } from './quarters.ts';

interface ReadmeInput {
  features: readonly RecordFeature[];
  sessions: readonly SurveySessionInput[];
  quarters: readonly { id: QuarterId; name: string; cells: readonly GridCell[] }[];
  categories: readonly string[];
}

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.reduce((n, item) => (predicate(item) ? n + 1 : n), 0);
}

export function renderReadme({ features, sessions, quarters, categories }: ReadmeInput): string {
  const kinds = ['service', 'vacancy', 'brownfield', 'need'] as const;
  const kindRows = kinds.map((kind) => {
    const perQuarter = quarters.map((q) =>
      count(features, (f) => f.properties.kind === kind && f.properties.quarterId === q.id),
    );
    const polygons = count(features, (f) => f.properties.kind === kind && f.geometry.type === 'Polygon');
    const total = count(features, (f) => f.properties.kind === kind);
    return `| ${kind} | ${perQuarter.join(' | ')} | ${total} | ${polygons} |`;
  });
  const withSession = count(features, (f) => f.properties.sessionId !== undefined);
  const needs = features.filter((f) => f.properties.kind === 'need');
  const languages = [...new Set(needs.map((f) => f.properties.lang).filter((l) => typeof l === 'string'))].sort();
  const populationRows = quarters.map((q) => {
    const sum = (pick: (c: GridCell) => number) => q.cells.reduce((n, c) => n + pick(c), 0);
    return `| ${q.name} | ${q.cells.length} | ${sum((c) => c.inhabitants)} | ${sum((c) => c.under6)} | ${sum(
      (c) => c.age6to10,
    )} | ${sum((c) => c.age10to18)} | ${sum((c) => c.over65)} | ${sum((c) => c.over80)} |`;
  });

  return `# Demo data — GENERATED, do not edit by hand

Everything in this folder is written by \`scripts/demo/generate.ts\` (\`npm run demo:generate\`).
It is **synthetic**: no record, name, address detail or count here describes a real place, business or
person, even where a street name is real. Change the generator and run it again; CI regenerates the
files and fails when the checked-in copies differ (\`node --import tsx scripts/demo/generate.ts --check\`).
Every run produces byte-identical files (seeded PRNG, fixed timestamps).

The quarter outlines are **approximate and drawn by the Quartiersatlas project** for the demo, a few
vertices sketched by hand around where the quarters lie; they are not official boundaries.

## Files

| file | content |
|---|---|
| \`quarters.geojson\` | FeatureCollection of ${quarters.length} quarters (${quarters.map((q) => `\`${q.id}\``).join(', ')}), Polygon outlines in WGS84, properties \`name\`, \`city\`, \`approximate: true\`, \`sourceNote\` |
| \`sessions.json\` | JSON array of ${sessions.length} survey sessions in the \`SurveySessionInput\` shape (per quarter: desk, walkabout, resident link, Quartierszirkel; spring 2026) |
| \`records.geojson\` | FeatureCollection of ${features.length} record features in the input shape \`parseRecord\` accepts (\`{type, id, geometry, properties: {kind, quarterId, sessionId?, …}}\`), ids are UUIDv7 |
| \`population-100m.csv\` | synthetic 100 m population grid in the Zensus 2011 grid layout (see below) |

The GeoJSON files carry the foreign members \`"generated"\` and \`"demo": true\` at the top level.
\`sessions.json\` is a plain array so it can be posted as it is; this README marks it as generated.

## Records

| kind | ${quarters.map((q) => q.name).join(' | ')} | total | of which polygons |
|---|${quarters.map(() => '---|').join('')}---|---|
${kindRows.join('\n')}

${withSession} of ${features.length} records belong to a survey session; the others stand for an earlier stock list.
Services cover all ${categories.length} taxonomy categories. Needs are written in ${languages.length} languages
(${languages.join(', ')}); Quartierszirkel needs carry supporter counts.

Deliberate gaps, so that the gap analysis has something to find: no grocery store in Marten's south and
west, a single Kita in Eving's north (Kemminghausen), no pharmacy in Eving's east, no GP in Marten's west,
no library in Marten. Needs cluster in those areas.

## Population grid

Semicolon-separated, UTF-8, one header row:
\`Gitter_ID_100m;x_mp_100m;y_mp_100m;Einwohner;unter6;6bis10;10bis18;ab65;ab80\`.
\`x_mp_100m\`/\`y_mp_100m\` are the cell centre in EPSG:3035 (ETRS89 / LAEA Europe) metres; the id names
the lower-left corner in hectometres (\`100mN<y/100>E<x/100>\`), as in the Zensus files. Age columns are
counts of people (\`ab80\` is part of \`ab65\`). Only inhabited cells whose centre lies inside a quarter are
listed; nobody lives on the brownfield sites.

| quarter | cells | Einwohner | unter6 | 6bis10 | 10bis18 | ab65 | ab80 |
|---|---|---|---|---|---|---|---|
${populationRows.join('\n')}
`;
}

import { isDemandGroup, looksLikeZensusGrid, type PointLayer, parseZensusGrid } from '@quartiersatlas/gap';
import type { PlanarCrs } from './args.ts';
import { isGeoJsonInput, loadPoints, type PointsSpec } from './points.ts';
import { UsageError } from './usage-error.ts';

export interface LoadedDemand {
  layer: PointLayer;
  /** What was read, for the summary on stderr. */
  note: string;
}

function zensusCrs(source: string, crs: PlanarCrs | undefined): 'wgs84' | 'epsg3035' {
  if (crs === undefined) return 'wgs84';
  if (crs === 'EPSG:3035') return 'epsg3035';
  throw new UsageError(`${source}: a Zensus grid is in EPSG:3035; use --crs EPSG:3035 or lon/lat inputs`);
}

/**
 * The demand layer: a Zensus grid CSV (recognised by its x_mp_…/y_mp_… or Gitter_ID columns)
 * through the gap package's parser, otherwise points like the supply. For a grid,
 * `--demand-weight` names a column (`unter10`, `ab65_A`) or a demand group (`children_0_6`);
 * without it the weight is the population (`Einwohner`).
 */
export function loadDemand(path: string, text: string, spec: PointsSpec): LoadedDemand {
  if (isGeoJsonInput(path, text) || !looksLikeZensusGrid(text)) {
    const layer = loadPoints(path, text, spec);
    return { layer, note: `${layer.ids.length} points` };
  }
  const weight = spec.weightField;
  const result = parseZensusGrid(text, {
    ...(weight === undefined ? {} : isDemandGroup(weight) ? { group: weight } : { column: weight }),
    crs: zensusCrs(spec.source, spec.crs),
  });
  if (!result.ok) {
    const first = result.problems[0];
    const where = [
      first?.row == null ? '' : ` row ${first.row}`,
      first?.column == null ? '' : `, column ${first.column}`,
    ];
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problems)` : '';
    const hint = weight === undefined && first?.row === 1 ? '; choose a column or group with --demand-weight' : '';
    throw new UsageError(`${spec.source}${where.join('')}: ${first?.reason ?? 'unreadable'}${more}${hint}`);
  }
  const { report } = result;
  const parts = [
    `${report.cells} grid cells, ${Math.round(report.totalPopulation)} people (${report.weightFrom})`,
    report.withheld > 0 ? `${report.withheld} withheld cells left out` : '',
    report.estimated > 0 ? `${report.estimated} withheld shares estimated` : '',
    report.skipped.length > 0 ? `${report.skipped.length} repeated cells skipped` : '',
  ];
  return { layer: result.layer, note: parts.filter(Boolean).join('; ') };
}

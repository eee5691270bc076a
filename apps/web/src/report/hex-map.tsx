import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection, QuarterGeometry } from '../api/endpoints.ts';
import {
  cellValue,
  classColor,
  type MapClass,
  type MapMeasure,
  mapClasses,
  mapFrame,
  NO_VALUE_COLOR,
} from './map-scale.ts';
import type { AnalysisGrid } from './report-api.ts';
import type { Labels } from './use-labels.ts';
import './charts.css';

const WIDTH = 1000;

function quarterRings(geometry: QuarterGeometry | null): number[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates as number[][][];
  return (geometry.coordinates as number[][][][]).flat();
}

/** The top middle of an outline's bounding box (the CSS moves the name just inside). */
function labelPoint(ring: number[][]): [number, number] | null {
  if (ring.length === 0) return null;
  const lons = ring.map((position) => position[0] ?? 0);
  const lats = ring.map((position) => position[1] ?? 0);
  const top = Math.max(...lats);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, top];
}

function useClassLabel(measure: MapMeasure, labels: Labels) {
  return (item: MapClass) => {
    if (measure === 'deficit') return `${labels.number(item.from)}–${labels.number(item.to)}`;
    if (measure === 'coverageShare') return `${labels.percent(item.from)}–${labels.percent(item.to)}`;
    return `${labels.decimal(item.from)}–${labels.decimal(item.to)}`;
  };
}

/** The legend: what the colours mean, in which unit, and the cells without a value. */
export function MapLegend({
  measure,
  classes,
  labels,
  hasNoValue,
}: {
  measure: MapMeasure;
  classes: MapClass[];
  labels: Labels;
  hasNoValue: boolean;
}) {
  const { t } = useTranslation();
  const classLabel = useClassLabel(measure, labels);
  return (
    <div className="map-legend-box">
      <p className="map-legend-box__title">{t(`report.map.measure.${measure}`)}</p>
      <p className="map-legend-box__unit">{t(`report.map.unit.${measure}`)}</p>
      <ul className="map-legend-box__list">
        {classes.map((item) => (
          <li key={item.color}>
            <span className="map-legend-box__swatch" style={{ background: item.color }} aria-hidden="true" />
            <span>{classLabel(item)}</span>
          </li>
        ))}
        {hasNoValue && (
          <li>
            <span className="map-legend-box__swatch" style={{ background: NO_VALUE_COLOR }} aria-hidden="true" />
            <span>{t('report.map.noValue')}</span>
          </li>
        )}
        <li>
          <span className="map-legend-box__swatch map-legend-box__swatch--outline" aria-hidden="true" />
          <span>{t('report.map.quarterOutline')}</span>
        </li>
      </ul>
    </div>
  );
}

/**
 * A static map of an analysis's H3 cells, drawn as SVG: it prints sharply at any size and needs no
 * basemap, WebGL or network, so the report looks the same on every machine.
 */
export function HexMap({
  grid,
  quarters,
  measure,
  title,
  labels,
}: {
  grid: AnalysisGrid;
  quarters: QuarterCollection;
  measure: MapMeasure;
  title: string;
  labels: Labels;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const drawing = useMemo(() => {
    const cells = grid.features.map((cell) => ({
      id: cell.id,
      ring: cell.geometry.coordinates[0] ?? [],
      value: cellValue(cell.properties, measure),
    }));
    const outlines = quarters.features.map((quarter) => ({
      id: quarter.id,
      name: quarter.properties.name,
      rings: quarterRings(quarter.geometry),
    }));
    const frame = mapFrame([...cells.map((cell) => cell.ring), ...outlines.flatMap((q) => q.rings)], WIDTH);
    const values = cells.flatMap((cell) => (cell.value === null ? [] : [cell.value]));
    const classes = mapClasses(measure, values);
    return { cells, outlines, frame, classes, hasNoValue: values.length < cells.length };
  }, [grid, quarters, measure]);

  const { frame, classes } = drawing;
  if (!frame) return <p className="empty">{t('report.map.empty')}</p>;
  const bar = frame.scaleBar;
  return (
    <figure className="hex-map">
      <svg className="hex-map__svg" viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        <g className="hex-map__cells">
          {drawing.cells.map((cell) => (
            <path key={cell.id} d={frame.path(cell.ring)} fill={classColor(classes, cell.value)} />
          ))}
        </g>
        <g className="hex-map__outlines">
          {drawing.outlines.map((quarter) => (
            <path key={quarter.id} d={quarter.rings.map((ring) => frame.path(ring)).join('')} />
          ))}
        </g>
        <g className="hex-map__names">
          {drawing.outlines.map((quarter) => {
            const at = labelPoint(quarter.rings[0] ?? []);
            if (!at) return null;
            const [x, y] = frame.point(at[0], at[1]);
            return (
              <text key={quarter.id} x={x} y={y} textAnchor="middle">
                {quarter.name}
              </text>
            );
          })}
        </g>
        <g className="hex-map__scale" transform={`translate(16 ${frame.height - 18})`}>
          <rect x={-6} y={-22} width={bar.length + 12} height={34} rx={4} className="hex-map__scale-bg" />
          <path d={`M0 -6V4H${bar.length}V-6`} />
          <text x={bar.length / 2} y={-9} textAnchor="middle">
            {bar.metres >= 1000
              ? t('report.map.km', { value: labels.decimal(bar.metres / 1000) })
              : t('report.map.m', { value: labels.number(bar.metres) })}
          </text>
        </g>
      </svg>
      <MapLegend measure={measure} classes={classes} labels={labels} hasNoValue={drawing.hasNoValue} />
    </figure>
  );
}

import { looksLikeZensusGrid } from '@quartiersatlas/gap';
import Papa from 'papaparse';
import { AppError } from '../errors.ts';
import { ATTRIBUTE_NAMES, attributeValues, type Candidate, findKey, kindFields } from './candidate.ts';
import type { RowSource } from './geojson.ts';
import { positionProblem } from './geometry.ts';
import type { Fallback } from './osm-element.ts';
import type { RowProblems } from './report.ts';
import { readNumber, stableId, unreadable } from './source-text.ts';

const LAT_NAMES = ['lat', 'latitude', 'stoplat', 'breite', 'breitengrad', 'geobreite', 'wgs84lat', 'y'];
const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'stoplon', 'laenge', 'laengengrad', 'geolaenge', 'wgs84lon', 'x'];

/** Semicolons (German Excel) win over tabs, tabs over commas, as in the Zensus reader. */
function delimiterOf(firstLine: string): ';' | '\t' | ',' {
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

function coordinate(raw: string | undefined, decimalComma: boolean): { value: number } | { message: string } {
  const text = (raw ?? '').trim();
  if (text === '') return { message: 'is empty' };
  const value = readNumber(text, decimalComma);
  return value === undefined ? { message: `"${text}" is not a number` } : { value };
}

/**
 * The candidate records of a CSV of points: latitude and longitude columns in WGS84, a name, and
 * the request's category (or a `category` column). A row's id comes from an id column such as
 * `stop_id`, else from its name and position, so importing the list again updates its records.
 */
export function csvCandidates(text: string, fallback: Fallback, problems: RowProblems): RowSource {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (text.trim() === '') throw new AppError('IMPORT_EMPTY');
  const delimiter = delimiterOf(firstLine);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const [headerRow = [], ...rows] = parsed.data;
  const header = headerRow.map((h) => h.trim());
  const latColumn = findKey(header, LAT_NAMES);
  const lonColumn = findKey(header, LON_NAMES);
  if (latColumn === undefined || lonColumn === undefined) {
    if (looksLikeZensusGrid(text)) throw unreadable('csv', 'it is a Zensus grid: import it as a population grid');
    throw unreadable(
      'csv',
      `it has no latitude and longitude columns (lat/lon, latitude/longitude, x/y); its columns are ${header.join(', ')}`,
    );
  }
  const lat = header.indexOf(latColumn);
  const lon = header.indexOf(lonColumn);
  const decimalComma = delimiter !== ',';
  const keyColumn = findKey(header, ATTRIBUTE_NAMES.key);
  const categoryColumn = findKey(header, ATTRIBUTE_NAMES.category);
  if (!fallback.category && !categoryColumn && (fallback.kind === 'service' || fallback.kind === 'need')) {
    const message = 'is needed: the file has no category column';
    throw new AppError('INVALID_QUERY', { summary: `category ${message}` }, [
      { field: 'category', code: 'REQUIRED', message },
    ]);
  }
  const quoteErrors = new Set(parsed.errors.filter((e) => e.type === 'Quotes').map((e) => e.row));

  const candidates: Candidate[] = [];
  rows.forEach((fields, index) => {
    const row = index + 1;
    if (quoteErrors.has(index + 1)) {
      problems.reject({ row, code: 'UNCLOSED_QUOTE', message: 'a quoted field is not closed' });
      return;
    }
    if (fields.length !== header.length) {
      problems.reject({
        row,
        code: 'WRONG_FIELD_COUNT',
        message: `has ${fields.length} fields, the header has ${header.length}`,
      });
      return;
    }
    const attributes = Object.fromEntries(header.map((name, k) => [name, fields[k] ?? '']));
    const label = keyColumn ? attributes[keyColumn]?.trim() || undefined : undefined;
    const y = coordinate(fields[lat], decimalComma);
    const x = coordinate(fields[lon], decimalComma);
    for (const [value, column] of [
      [y, latColumn],
      [x, lonColumn],
    ] as const) {
      if ('message' in value)
        problems.reject({ row, ...(label ? { id: label } : {}), field: column, code: 'INVALID_COORDINATE', ...value });
    }
    if ('message' in x || 'message' in y) return;
    const problem = positionProblem(x.value, y.value, lonColumn);
    if (problem) {
      const field = problem.code === 'LATITUDE_OUT_OF_RANGE' ? latColumn : lonColumn;
      problems.reject({ row, ...(label ? { id: label } : {}), ...problem, field });
      return;
    }
    const category = fallback.category ?? (categoryColumn ? attributes[categoryColumn]?.trim() : undefined);
    if (!category && (fallback.kind === 'service' || fallback.kind === 'need')) {
      problems.reject({
        row,
        field: categoryColumn ?? 'category',
        code: 'NO_CATEGORY',
        message: 'no category: give one for the file or fill the category column',
      });
      return;
    }
    const { values, sources } = attributeValues(attributes);
    const key = label ?? `${values.name ?? ''}@${y.value.toFixed(6)},${x.value.toFixed(6)}`;
    candidates.push({
      row,
      ...(label ? { label } : {}),
      id: stableId(`csv:${fallback.kind}:${category ?? ''}:${key}`),
      kind: fallback.kind,
      category: category || null,
      geometry: { type: 'Point', coordinates: [x.value, y.value] },
      position: [x.value, y.value],
      fields: kindFields(fallback.kind, values),
      replace: false,
      sources: { ...sources, ...(categoryColumn ? { 'properties.category': categoryColumn } : {}) },
    });
  });
  return { rows: rows.length, candidates };
}

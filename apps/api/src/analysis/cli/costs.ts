import { type CostMatrix, type CostRow, matrixFromTable } from '@quartiersatlas/gap';
import { columnIndex, readCsv, readNumber } from './csv.ts';
import { UsageError } from './usage-error.ts';

/**
 * A demand → supply matrix from a travel-cost table with `origin,dest,cost` columns (origin = a
 * demand id, dest = a supply id), e.g. travel times from another routing tool. Pairs above the
 * cutoff are dropped; pairs missing from the table are unreachable.
 */
export function matrixFromCostTable(
  text: string,
  source: string,
  demandIds: readonly string[],
  supplyIds: readonly string[],
  cutoff: number,
): CostMatrix {
  const { header, rows, decimalComma } = readCsv(text, source);
  const columns = ['origin', 'dest', 'cost'].map((name) => columnIndex(header, name));
  if (columns.some((c) => c < 0)) {
    throw new UsageError(`${source}: needs the columns origin, dest, cost (columns: ${header.join(', ')})`);
  }
  const [origin, dest, cost] = columns as [number, number, number];
  const table: CostRow[] = rows.map(({ line, fields }) => {
    const value = readNumber(fields[cost], decimalComma);
    if (value === undefined) {
      throw new UsageError(`${source} row ${line}, column ${header[cost]}: "${fields[cost]}" is not a number`);
    }
    return { origin: (fields[origin] ?? '').trim(), dest: (fields[dest] ?? '').trim(), cost: value };
  });
  const result = matrixFromTable(table, demandIds, supplyIds, cutoff);
  if (!result.ok) {
    const first = result.problems[0];
    const line = first === undefined ? '?' : rows[first.row]?.line;
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problems)` : '';
    throw new UsageError(`${source} row ${line}: ${first?.reason ?? 'unreadable'}${more}`);
  }
  return result.matrix;
}

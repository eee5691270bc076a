import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `id,value`, one row per demand point in input order; an empty value where nothing is reachable (NaN). */
export function resultCsv(ids: readonly string[], values: Float64Array): string {
  const lines = ['id,value'];
  ids.forEach((id, i) => {
    const value = values[i] as number;
    lines.push(`${csvField(id)},${Number.isNaN(value) ? '' : String(value)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Writes beside the target and renames, so a failed run never leaves a half-written file. */
export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new UsageError(
      `--out: cannot write "${path}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
}

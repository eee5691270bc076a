import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestApp } from './helpers.ts';

/**
 * GDAL's own tools read our OGC API and GeoPackages in the tests, as planners' QGIS would. CI
 * installs Debian's gdal-bin and python3-gdal (for the GeoPackage validator); elsewhere the tests
 * that need them print why they are skipped.
 */
export const GPKG_VALIDATOR = '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py';
const PYTHON = '/usr/bin/python3';

function requireOnCi(reason: string | null, what: string): string | null {
  if (reason && process.env.CI === 'true') throw new Error(`${what} cannot run, and CI requires it: ${reason}`);
  return reason;
}

/** Why GDAL's ogrinfo/ogr2ogr cannot run here, or null when they can. */
export function gdalUnavailable(): string | null {
  const probe = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' });
  const reason =
    probe.error || probe.status !== 0 ? 'ogrinfo is not installed (Debian: apt-get install gdal-bin)' : null;
  return requireOnCi(reason, 'the GDAL tests');
}

/** Why GDAL's GeoPackage validator cannot run here, or null when it can. */
export function validatorUnavailable(): string | null {
  const reason = existsSync(GPKG_VALIDATOR)
    ? null
    : `${GPKG_VALIDATOR} is absent (Debian: apt-get install python3-gdal)`;
  return requireOnCi(reason, 'the GeoPackage validation');
}

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a GDAL tool; `token` is sent as the device token the way planners configure GDAL. Never
 * synchronously: the server under test answers in this same process.
 */
export function gdal(tool: 'ogrinfo' | 'ogr2ogr', args: string[], token?: string): Promise<ToolRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, GDAL_HTTP_TIMEOUT: '30' };
  if (token) env.GDAL_HTTP_HEADERS = `Authorization: Bearer ${token}`;
  return new Promise((resolve) => {
    execFile(tool, args, { encoding: 'utf8', env, timeout: 120_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs GDAL's GeoPackage validator on a file: exit 0 and no output when the file is valid. */
export function validateGeoPackage(file: string): ToolRun {
  const run = spawnSync(PYTHON, [GPKG_VALIDATOR, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** "Feature Count: 300" from `ogrinfo -so`. */
export function featureCount(ogrinfoOutput: string): number | undefined {
  const match = /Feature Count: (\d+)/.exec(ogrinfoOutput);
  return match ? Number(match[1]) : undefined;
}

/** Starts an analysis as a planner and waits until it is done; its id. */
export async function runAnalysis(t: TestApp, body: Record<string, unknown>): Promise<string> {
  const headers = t.as('planner');
  const started = await t.app.inject({ method: 'POST', url: '/api/v1/analyses', headers, payload: body });
  if (started.statusCode !== 202 && started.statusCode !== 200)
    throw new Error(`analysis not started: ${started.body}`);
  const id = (started.json() as { id: string }).id;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await t.app.inject({ method: 'GET', url: `/api/v1/analyses/${id}`, headers })).json() as {
      status: string;
      error: unknown;
    };
    if (job.status === 'done') return id;
    if (job.status === 'failed') throw new Error(`analysis failed: ${JSON.stringify(job.error)}`);
    if (Date.now() > deadline) throw new Error(`analysis ${id} still ${job.status} after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

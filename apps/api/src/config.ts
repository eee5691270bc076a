import { resolve } from 'node:path';

/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  host: string;
  port: number;
  /** SQLite file, uploaded media and other local state live here. */
  dataDir: string;
  /** postgres://… selects PostgreSQL; empty means the embedded SQLite database in dataDir. */
  databaseUrl: string | null;
  production: boolean;
  logLevel: string;
  /** Load the synthetic demo data into an empty database. */
  demoData: boolean;
  /** `auto` marks cookies Secure when the request came over HTTPS (directly or via a trusted proxy). */
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  sessionTtlHours: number;
  /** Directory of the built PWA, served at `/` in production. */
  webDist: string;
  /** MapLibre style of the online basemap; null for none (the map then shows outlines and records only). */
  basemapStyleUrl: string | null;
  /**
   * Days a resident submission keeps its personal details (exact point, text, photos, voice notes,
   * receipt). Then a published need keeps only what the public sees; anything else is erased.
   */
  residentRetentionDays: number;
  /**
   * Who is responsible for the data and how residents reach them (name, address, e-mail), shown in
   * the privacy notice; null until the operator sets PRIVACY_CONTACT.
   */
  privacyContact: string | null;
  /** Anonymous devices one network address may register per minute (a community centre shares one). */
  residentDevicesPerMinute: number;
  /** Resident submissions accepted from one network address per minute, across all its devices. */
  residentSubmissionsPerMinute: number;
}

/** basemap.de Web Vektor, the official free basemap of the German federal and state surveys. */
export const DEFAULT_BASEMAP_STYLE = 'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json';

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function basemap(raw: string | undefined): string | null {
  if (raw === undefined) return DEFAULT_BASEMAP_STYLE;
  const value = raw.trim();
  if (value === '' || value === 'none') return null;
  if (!/^https?:\/\//.test(value) && !value.startsWith('/')) {
    throw new ConfigError('BASEMAP_STYLE_URL must be an http(s) URL, a path on this server, or "none"');
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
  }
  const cookieSecure =
    env.COOKIE_SECURE === undefined || env.COOKIE_SECURE === 'auto' ? 'auto' : bool(env, 'COOKIE_SECURE', false);
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: int(env, 'PORT', 8080, 0, 65535),
    dataDir: resolve(cwd, env.DATA_DIR?.trim() || 'var'),
    databaseUrl,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    demoData: bool(env, 'DEMO_DATA', true),
    cookieSecure,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    webDist: resolve(cwd, env.WEB_DIST?.trim() || 'apps/web/dist'),
    basemapStyleUrl: basemap(env.BASEMAP_STYLE_URL),
    privacyContact: env.PRIVACY_CONTACT?.trim().slice(0, 500) || null,
    residentRetentionDays: int(env, 'RESIDENT_RETENTION_DAYS', 365, 1, 3650),
    residentDevicesPerMinute: int(env, 'RESIDENT_DEVICES_PER_MINUTE', 600, 1, 100_000),
    residentSubmissionsPerMinute: int(env, 'RESIDENT_SUBMISSIONS_PER_MINUTE', 1200, 1, 100_000),
  };
}

import type { Account, RecordKind, Taxonomy } from '@quartiersatlas/domain';
import { ApiError, request } from './client.ts';

export interface QuarterProperties {
  name: string;
  city: string;
  approximate: boolean;
  sourceNote: string;
  demo: boolean;
  recordCounts: Record<RecordKind, number>;
}

export interface QuarterGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

export interface QuarterFeature {
  type: 'Feature';
  id: string;
  geometry: QuarterGeometry | null;
  properties: QuarterProperties;
}

export interface QuarterCollection {
  type: 'FeatureCollection';
  features: QuarterFeature[];
}

export function fetchQuarters(signal: AbortSignal): Promise<QuarterCollection> {
  return request('/api/v1/quarters', { signal });
}

export function fetchTaxonomy(signal: AbortSignal): Promise<Taxonomy> {
  return request('/api/v1/taxonomy', { signal });
}

/** The signed-in account, or `null` when nobody is signed in (401). */
export async function fetchCurrentAccount(signal: AbortSignal): Promise<Account | null> {
  try {
    const { account } = await request<{ account: Account }>('/api/v1/auth/me', { signal });
    return account;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<Account> {
  const { account } = await request<{ account: Account }>('/api/v1/auth/login', {
    method: 'POST',
    body: { username, password },
  });
  return account;
}

export async function signOut(): Promise<void> {
  await request<void>('/api/v1/auth/logout', { method: 'POST', body: {} });
}

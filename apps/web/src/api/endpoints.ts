import type { Account, RecordKind } from '@quartiersatlas/domain';
import { request } from './client.ts';

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

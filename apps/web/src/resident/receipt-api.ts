import type { Consent } from '@quartiersatlas/domain';
import { request } from '../api/client.ts';

/** What `GET /api/v1/receipts/:receipt` tells the resident about their own submission. */
export interface ReceiptSubmission {
  id: string;
  status: 'pending' | 'published' | 'rejected';
  submittedAt: string;
  consent: Consent;
  feature: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: number[] };
    properties: {
      kind: 'need';
      quarterId: string;
      category: string;
      text?: string;
      lang?: string;
      targetGroups?: string[];
      urgency?: string;
      media?: string[];
    };
  };
  publicLocation: [number, number] | null;
  textPublic: boolean;
}

const path = (receipt: string) => `/api/v1/receipts/${encodeURIComponent(receipt)}`;

export async function fetchSubmission(receipt: string, signal?: AbortSignal): Promise<ReceiptSubmission> {
  const { submission } = await request<{ submission: ReceiptSubmission }>(path(receipt), { signal, token: null });
  return submission;
}

export function deleteSubmission(receipt: string): Promise<void> {
  return request<void>(path(receipt), { method: 'DELETE', token: null });
}

export const mediaUrl = (receipt: string, sha256: string) => `${path(receipt)}/media/${encodeURIComponent(sha256)}`;
export const exportUrl = (receipt: string) => `${path(receipt)}/export`;

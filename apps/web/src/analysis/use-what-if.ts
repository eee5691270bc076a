import type { GapAnalysisResult } from '@quartiersatlas/gap';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/client.ts';
import { type HypotheticalService, runWhatIf } from './api.ts';
import { parseDecimal } from './methods.ts';

/** The API takes up to 20 hypothetical services per question. */
export const MAX_HYPOTHETICAL = 20;

export interface Hypothetical {
  key: string;
  lon: number;
  lat: number;
  /** As typed; empty = the category's usual weight. */
  capacity: string;
  /** Set when placed at a potential site (vacancy or brownfield). */
  siteId?: string;
}

export type WhatIfRun =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: GapAnalysisResult; signature: string }
  | { status: 'error'; error: ApiError };

/** A capacity as typed is fine when empty or a number above 0. */
export function capacityValid(text: string): boolean {
  if (text.trim() === '') return true;
  const value = parseDecimal(text);
  return value !== undefined && value > 0;
}

export function requestOf(services: readonly Hypothetical[]): HypotheticalService[] {
  return services.map((service) => {
    const capacity = service.capacity.trim() === '' ? undefined : parseDecimal(service.capacity);
    return {
      lon: service.lon,
      lat: service.lat,
      ...(capacity === undefined ? {} : { capacity }),
      ...(service.siteId ? { siteId: service.siteId } : {}),
    };
  });
}

/** Identifies what was asked, so an answer can be told apart from changed input. */
export function signatureOf(services: readonly Hypothetical[]): string {
  return JSON.stringify(requestOf(services));
}

/**
 * The hypothetical services of a "what if" question and the answer for them. Nothing here is
 * stored: the API computes the analysis again with the services added and answers with the result.
 */
export function useWhatIf(analysisId: string | null) {
  const [services, setServices] = useState<Hypothetical[]>([]);
  const [run, setRun] = useState<WhatIfRun>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const counter = useRef(0);

  const reset = useCallback(() => {
    controller.current?.abort();
    setServices([]);
    setRun({ status: 'idle' });
  }, []);

  // Another analysis: the question was about the previous one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the analysis changes
  useEffect(() => {
    reset();
  }, [analysisId, reset]);

  const add = useCallback((service: Omit<Hypothetical, 'key' | 'capacity'>) => {
    setServices((list) => {
      if (list.length >= MAX_HYPOTHETICAL) return list;
      if (service.siteId && list.some((item) => item.siteId === service.siteId)) return list;
      counter.current += 1;
      return [...list, { ...service, key: `h${counter.current}`, capacity: '' }];
    });
  }, []);

  const remove = useCallback((key: string) => setServices((list) => list.filter((item) => item.key !== key)), []);

  const setCapacity = useCallback(
    (key: string, capacity: string) =>
      setServices((list) => list.map((item) => (item.key === key ? { ...item, capacity } : item))),
    [],
  );

  const compute = useCallback(async () => {
    if (!analysisId || services.length === 0 || !services.every((item) => capacityValid(item.capacity))) return;
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setRun({ status: 'running' });
    try {
      const answer = await runWhatIf(analysisId, requestOf(services), current.signal);
      if (!current.signal.aborted) setRun({ status: 'done', result: answer.result, signature: signatureOf(services) });
    } catch (error) {
      if (!current.signal.aborted) setRun({ status: 'error', error: toApiError(error) });
    }
  }, [analysisId, services]);

  useEffect(() => () => controller.current?.abort(), []);

  /** The answer no longer matches the services listed (one was added, removed or changed since). */
  const outdated = run.status === 'done' && run.signature !== signatureOf(services);
  return { services, run, outdated, add, remove, setCapacity, compute, reset };
}

export type WhatIf = ReturnType<typeof useWhatIf>;

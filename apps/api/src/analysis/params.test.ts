import { readFileSync } from 'node:fs';
import type { Taxonomy } from '@quartiersatlas/domain';
import { describe, expect, it } from 'vitest';
import { inputHash, resolveParameters } from './params.ts';

const taxonomy = JSON.parse(
  readFileSync(new URL('../../../../data/taxonomy.json', import.meta.url), 'utf8'),
) as Taxonomy;
const context = { quarters: ['eving', 'marten'], demandLayer: '0196f3a2-7c1e-7d40-9a51-3f0c2b8e4d17' };
const request = { category: 'groceries', method: 'coverage' as const };
const network = { id: '0196f3a2-0000-7000-8000-000000000001', name: 'OSM Fußwege Dortmund' };

describe('street networks in the analysis parameters', () => {
  it('pins the newest network, so a newly imported one makes a new analysis instead of reusing the old', () => {
    const none = resolveParameters(request, taxonomy, { ...context, network: null }).parameters;
    const pinned = resolveParameters(request, taxonomy, { ...context, network }).parameters;
    expect(none).toMatchObject({ costs: 'straight-line' });
    expect(none.network).toBeUndefined();
    expect(pinned).toMatchObject({ costs: 'network', network });
    expect(inputHash(pinned)).not.toBe(inputHash(none));
    const newer = resolveParameters(request, taxonomy, { ...context, network: { ...network, id: 'other' } });
    expect(inputHash(newer.parameters)).not.toBe(inputHash(pinned));
  });

  it('keeps straight lines when asked, even with a network', () => {
    const { parameters } = resolveParameters({ ...request, parameters: { costs: 'straight-line' } }, taxonomy, {
      ...context,
      network,
    });
    expect(parameters.costs).toBe('straight-line');
    expect(parameters.network).toBeUndefined();
  });

  it('leaves the choice to the job when the caller did not look for a network', () => {
    const { parameters } = resolveParameters(request, taxonomy, context);
    expect(parameters.costs).toBe('network');
    expect(parameters.network).toBeUndefined();
  });
});

describe('decay defaults', () => {
  it("gives each method its own default decay, not binary for all: gravity would otherwise count like 'cumulative'", () => {
    const decayOf = (method: 'gravity' | 'e2sfca' | '2sfca', cutoff?: number) =>
      resolveParameters({ category: 'groceries', method, parameters: { cutoff } }, taxonomy, context).parameters.decay;
    expect(decayOf('gravity', 800)).toBe('gaussian:400');
    expect(decayOf('e2sfca', 900)).toMatch(/^steps:300=1,600=0\.68,900=0\.22$/);
    expect(decayOf('2sfca')).toBe('binary');
    const explicit = resolveParameters(
      { category: 'groceries', method: 'gravity', parameters: { decay: 'linear' } },
      taxonomy,
      context,
    ).parameters.decay;
    expect(explicit).toBe('linear');
  });
});

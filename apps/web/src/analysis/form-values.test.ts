import type { Taxonomy } from '@quartiersatlas/domain';
import { describe, expect, it } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };
import {
  cutoffProblem,
  defaultsFor,
  formFieldOf,
  initialValues,
  potentialsProblem,
  targetProblem,
  toRequest,
  valuesFromParameters,
} from './form-values.ts';
import { SCENE_PARAMETERS } from './test-result.ts';

const weights = { deficit: 0.5, needs: 0.3, access: 0.2 };
const found = (taxonomy as Taxonomy).categories.find((category) => category.id === 'kita');
if (!found) throw new Error('the taxonomy has a Kita category');
const kita = found;

describe('the analysis form', () => {
  it('starts from the category’s defaults', () => {
    const values = defaultsFor(kita);
    expect(values).toMatchObject({ category: 'kita', method: '2sfca', cutoff: String(kita.catchmentM) });
    expect(values.target).toBe(String(kita.targetPer1000));
    expect(initialValues(taxonomy as Taxonomy, undefined).category).toBe('groceries');
  });

  it('sends the method’s default decay for the cutoff typed, and none for nearest', () => {
    const gravity = toRequest({ ...defaultsFor(kita), method: 'gravity', cutoff: '1200' }, weights);
    expect(gravity.parameters).toMatchObject({
      cutoff: 1200,
      decay: 'gaussian:600',
      detour: 1.3,
      potentials: 5,
      weights,
    });
    const nearest = toRequest({ ...defaultsFor(kita), method: 'nearest' }, weights);
    expect(nearest.parameters.decay).toBeUndefined();
  });

  it('reads decimal commas', () => {
    const request = toRequest({ ...defaultsFor(kita), target: '0,25', detour: '1,5' }, weights);
    expect(request.parameters.target).toBe(0.25);
    expect(request.parameters.detour).toBe(1.5);
  });

  it('opens a stored analysis with its own parameters', () => {
    expect(valuesFromParameters(SCENE_PARAMETERS)).toMatchObject({
      category: 'groceries',
      method: '2sfca',
      cutoff: '800',
      decayChoice: 'method',
      target: '0.5',
    });
  });

  it('keeps values within the API’s limits', () => {
    expect(cutoffProblem('49')).toBe('range');
    expect(cutoffProblem('800')).toBeUndefined();
    expect(cutoffProblem('acht')).toBe('number');
    expect(targetProblem('0')).toBe('range');
    expect(potentialsProblem('2,5')).toBe('integer');
    expect(potentialsProblem('51')).toBe('range');
  });

  it('shows a field the API refused at that field', () => {
    expect(formFieldOf('parameters.decay')).toBe('decayParameter');
    expect(formFieldOf('/parameters/cutoff')).toBe('cutoff');
    expect(formFieldOf('category')).toBe('category');
    expect(formFieldOf('area.quarters')).toBeUndefined();
  });
});

import { effectiveDecay } from '@quartiersatlas/gap';
import { describe, expect, it } from 'vitest';
import {
  decayFormOf,
  decayFromForm,
  decayProblem,
  decayText,
  METHODS,
  methodDefaultDecay,
  parseDecimal,
  usesDecay,
} from './methods.ts';

describe('methods and their decay', () => {
  it('knows each engine method’s own default decay, which the form sends explicitly', () => {
    for (const method of METHODS) {
      for (const cutoff of [400, 800, 1000]) {
        expect(methodDefaultDecay(method, cutoff), `${method} at ${cutoff} m`).toEqual(
          effectiveDecay(method, undefined, cutoff),
        );
      }
    }
    expect(decayText(methodDefaultDecay('gravity', 800) ?? { kind: 'binary' })).toBe('gaussian:400');
    expect(decayText(methodDefaultDecay('e2sfca', 900) ?? { kind: 'binary' })).toBe('steps:300=1,600=0.68,900=0.22');
  });

  it('leaves decay out for the methods that only look at the cutoff', () => {
    expect(usesDecay('nearest')).toBe(false);
    expect(usesDecay('coverage')).toBe(false);
    expect(decayFromForm('nearest', 800, { choice: 'gaussian', parameter: '300' })).toBeUndefined();
  });

  it('reads numbers with a decimal comma or point', () => {
    expect(parseDecimal('0,002')).toBe(0.002);
    expect(parseDecimal(' 1.5 ')).toBe(1.5);
    expect(parseDecimal('1.000,5')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
  });

  it('names what is wrong with a typed decay parameter', () => {
    expect(decayProblem({ choice: 'gaussian', parameter: '' })).toBe('required');
    expect(decayProblem({ choice: 'exponential', parameter: '0' })).toBe('notPositive');
    expect(decayProblem({ choice: 'steps', parameter: '500=1; 300=0,5' })).toBe('stepsOrder');
    expect(decayProblem({ choice: 'steps', parameter: '500:1' })).toBe('stepsFormat');
    expect(decayProblem({ choice: 'steps', parameter: '500=1; 1000=0,68; 1500=0,22' })).toBeUndefined();
    expect(decayProblem({ choice: 'binary', parameter: 'anything' })).toBeUndefined();
  });

  it('turns typed steps into the API’s text, with commas or semicolons between pairs', () => {
    const semicolons = decayFromForm('2sfca', 800, { choice: 'steps', parameter: '500=1; 1000=0,68' });
    const commas = decayFromForm('2sfca', 800, { choice: 'steps', parameter: '500=1, 1000=0.68' });
    expect(semicolons && decayText(semicolons)).toBe('steps:500=1,1000=0.68');
    expect(commas).toEqual(semicolons);
  });

  it('shows a stored decay as the method default when it is exactly that, else as typed', () => {
    expect(decayFormOf('gravity', 800, 'gaussian:400')).toEqual({ choice: 'method', parameter: '' });
    expect(decayFormOf('gravity', 800, 'gaussian:250')).toEqual({ choice: 'gaussian', parameter: '250' });
    expect(decayFormOf('2sfca', 800, 'steps:500=1,1000=0.68')).toEqual({
      choice: 'steps',
      parameter: '500=1, 1000=0.68',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { captureKinds, startView, viewsFor } from './roles.ts';

describe('role-based views', () => {
  it('gives field teams capture and their records, plus the supporters board in a Quartierszirkel', () => {
    expect(viewsFor('field', false)).toEqual(['capture', 'records']);
    expect(viewsFor('field', true)).toEqual(['capture', 'records', 'supporters']);
    expect(startView('field')).toBe('capture');
  });

  it('starts planners and admins at the overview, with their workspace and capture beside it', () => {
    expect(viewsFor('planner', false)).toEqual(['overview', 'analysis', 'review', 'data', 'capture', 'records']);
    expect(viewsFor('admin', false)[0]).toBe('overview');
    expect(startView('planner')).toBe('overview');
  });

  it('lets residents voice needs and nothing else', () => {
    expect(viewsFor('resident', true)).toEqual(['capture']);
    expect(captureKinds('resident')).toEqual(['need']);
    expect(captureKinds('field')).toEqual(['service', 'vacancy', 'brownfield', 'need']);
  });
});

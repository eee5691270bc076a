import { describe, expect, it } from 'vitest';
import { opShapeIssues } from './op-checks.ts';
import { canSeeRecord, mayPushOp } from './visibility.ts';

const ID = '0196c3f0-8a41-7b2e-9c1d-5f0e2a7b3c4d';

describe('op checks', () => {
  it('names the field that is wrong with an op before anything is read', () => {
    const fields = (op: Parameters<typeof opShapeIssues>[0]) => opShapeIssues(op).map((i) => i.field);
    expect(fields({ type: 'create', recordId: ID, baseVersion: 4, payload: {} })).toEqual(['baseVersion']);
    expect(
      fields({ type: 'create', recordId: ID, baseVersion: null, payload: { id: ID.replace('0196', '0197') } }),
    ).toEqual(['id']);
    expect(fields({ type: 'create', recordId: ID, baseVersion: null, payload: { id: ID.toUpperCase() } })).toEqual([]);
    expect(fields({ type: 'update', recordId: ID, baseVersion: 3, payload: { restore: false } })).toEqual(['restore']);
    expect(fields({ type: 'update', recordId: ID, baseVersion: 3, payload: { colour: 'red' } })).toEqual(['colour']);
    expect(fields({ type: 'delete', recordId: ID, baseVersion: 3, payload: {} })).toEqual(['payload']);
    expect(fields({ type: 'update-session', recordId: ID, baseVersion: null, payload: { endedAt: 'today' } })).toEqual([
      'endedAt',
    ]);
    expect(fields({ type: 'create-session', recordId: ID, baseVersion: null, payload: { id: ID } })).toEqual(
      expect.arrayContaining(['kind', 'title', 'quarterId', 'startedAt']),
    );
  });
});

describe('roles', () => {
  it('lets residents only create needs', () => {
    expect(mayPushOp('resident', 'create', 'need')).toBe(true);
    for (const [type, kind] of [
      ['create', 'service'],
      ['create', undefined],
      ['update', null],
      ['delete', null],
      ['create-session', null],
    ]) {
      expect(mayPushOp('resident', type as string, kind), `${type} ${kind}`).toBe(false);
    }
    expect(mayPushOp('field', 'delete', null)).toBe(true);
  });

  it('shows non-staff only published records, and residents no needs except their own', () => {
    const someone = 'account-of-someone-else';
    const as = (role: 'planner' | 'field' | 'resident') => ({ role, accountId: `me-${role}` });
    expect(canSeeRecord(as('planner'), { status: 'pending', kind: 'need', createdBy: someone })).toBe(true);
    expect(canSeeRecord(as('field'), { status: 'pending', kind: 'service', createdBy: someone })).toBe(false);
    expect(canSeeRecord(as('field'), { status: 'published', kind: 'need', createdBy: someone })).toBe(true);
    expect(canSeeRecord(as('resident'), { status: 'published', kind: 'need', createdBy: someone })).toBe(false);
    expect(canSeeRecord(as('resident'), { status: 'published', kind: 'vacancy', createdBy: someone })).toBe(true);
    expect(canSeeRecord(as('resident'), { status: 'pending', kind: 'need', createdBy: 'me-resident' })).toBe(true);
  });
});

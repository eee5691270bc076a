import { describe, expect, it } from 'vitest';
import { AccountInputSchema, AccountPatchSchema } from './account.ts';
import { schemaIssues } from './issues.ts';

const account = { username: 'a.yilmaz', displayName: 'Ayşe Yılmaz', role: 'field', password: 'lange-passphrase-2024' };

describe('AccountInputSchema', () => {
  it('accepts an account of every staff role', () => {
    for (const role of ['admin', 'planner', 'field']) {
      expect(schemaIssues(AccountInputSchema, { ...account, role }), role).toEqual([]);
    }
  });

  it('refuses resident accounts: residents take part through links only', () => {
    expect(schemaIssues(AccountInputSchema, { ...account, role: 'resident' })).toEqual([
      { field: 'role', code: 'INVALID_ENUM', message: 'must be one of admin, planner, field' },
    ]);
    expect(schemaIssues(AccountPatchSchema, { role: 'resident' })).toEqual([
      { field: 'role', code: 'INVALID_ENUM', message: 'must be one of admin, planner, field' },
    ]);
  });

  it('refuses a short password, a username with spaces and an unknown role', () => {
    expect(
      schemaIssues(AccountInputSchema, { ...account, username: 'ayse yilmaz', role: 'root', password: 'geheim' }),
    ).toEqual([
      expect.objectContaining({ field: 'username', code: 'INVALID_PATTERN' }),
      { field: 'role', code: 'INVALID_ENUM', message: 'must be one of admin, planner, field' },
      { field: 'password', code: 'INVALID_MINLENGTH', message: 'must not have fewer than 10 characters' },
    ]);
  });

  it('bounds the password length so hashing a hostile input stays cheap', () => {
    expect(schemaIssues(AccountInputSchema, { ...account, password: 'x'.repeat(1025) })).toEqual([
      expect.objectContaining({ field: 'password', code: 'INVALID_MAXLENGTH' }),
    ]);
  });
});

describe('AccountPatchSchema', () => {
  it('allows disabling an account, changing the role and lifting a lock', () => {
    expect(schemaIssues(AccountPatchSchema, { disabled: true, role: 'planner' })).toEqual([]);
    expect(schemaIssues(AccountPatchSchema, { locked: false })).toEqual([]);
    expect(schemaIssues(AccountPatchSchema, { locked: true })).toEqual([expect.objectContaining({ field: 'locked' })]);
  });

  it('refuses renaming the login', () => {
    expect(schemaIssues(AccountPatchSchema, { username: 'new' })).toEqual([
      { field: 'username', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });
});

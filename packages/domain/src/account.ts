import Type, { type Static } from 'typebox';
import { StringEnum } from './schema-helpers.ts';

/**
 * `field` teams capture on site walks; `planner`s analyse, moderate and manage sessions;
 * `admin`s also manage accounts; `resident`s may only add needs.
 */
export const ROLES = ['admin', 'planner', 'field', 'resident'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an account can have. Residents have none: they take part through resident links only. */
export const ACCOUNT_ROLES = ['admin', 'planner', 'field'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const Username = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9._@+-]+$',
  description: 'login name: letters, digits and . _ @ + -',
});

// Long passphrases are welcome; 1,024 bounds the cost of hashing a hostile input.
export const Password = Type.String({ minLength: 10, maxLength: 1024 });

export const AccountInputSchema = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    role: StringEnum(ACCOUNT_ROLES),
    password: Password,
  },
  { additionalProperties: false },
);
export type AccountInput = Static<typeof AccountInputSchema>;

export const AccountPatchSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    role: Type.Optional(StringEnum(ACCOUNT_ROLES)),
    password: Type.Optional(Password),
    disabled: Type.Optional(Type.Boolean()),
    locked: Type.Optional(
      Type.Literal(false, {
        description: 'false lifts the lock after too many wrong passwords (so does a new password)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AccountPatch = Static<typeof AccountPatchSchema>;

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  /**
   * Only in the accounts API (administrators): until when sign-in is locked after too many wrong
   * passwords, or null.
   */
  lockedUntil?: string | null;
}

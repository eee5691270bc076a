import Type, { type Static } from 'typebox';
import { StringEnum } from './schema-helpers.ts';

/**
 * `field` teams capture on site walks; `planner`s analyse, moderate and manage sessions;
 * `admin`s also manage accounts; `resident`s may only add needs.
 */
export const ROLES = ['admin', 'planner', 'field', 'resident'] as const;
export type Role = (typeof ROLES)[number];

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
    role: StringEnum(ROLES),
    password: Password,
  },
  { additionalProperties: false },
);
export type AccountInput = Static<typeof AccountInputSchema>;

export const AccountPatchSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    role: Type.Optional(StringEnum(ROLES)),
    password: Type.Optional(Password),
    disabled: Type.Optional(Type.Boolean()),
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
}

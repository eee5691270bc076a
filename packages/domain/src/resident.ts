import Type, { type Static } from 'typebox';
import { RecordFeatureInputSchema } from './record.ts';
import { IsoDateTime, LanguageTag, StringEnum, Uuid } from './schema-helpers.ts';

/**
 * Residents take part through a link (QR code, poster), without an account. Their phone gets an
 * anonymous token that may only append needs; each submission carries the consent given and the
 * hash of a receipt code with which the resident can later see, export and delete it.
 */

/** The version of the privacy notice residents agree to; bump it when the notice's content changes. */
export const PRIVACY_NOTICE_VERSION = '2026-11-21';

/** The languages a poster can be printed in (the app itself always offers all of them). */
export const POSTER_LANGUAGES = ['de', 'en', 'tr', 'ar', 'bg', 'ro', 'pl', 'uk'] as const;
export type PosterLanguage = (typeof POSTER_LANGUAGES)[number];

/**
 * Receipt codes use Crockford's base32 (no I, L, O, U): 12 characters, 60 random bits, shown as
 * `7KQM-4XPT-9BRC`. Made on the phone, so a receipt exists even when the submission waits offline.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_LENGTH = 12;

/** `7KQM4XPT9BRC` from what a person typed: case, spaces and dashes ignored, O→0, I/L→1; null if not a code. */
export function normalizeReceipt(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== RECEIPT_LENGTH) return null;
  for (const char of cleaned) if (!RECEIPT_ALPHABET.includes(char)) return null;
  return cleaned;
}

/** `7KQM-4XPT-9BRC`: groups of four are easier to read aloud and to copy from a screen. */
export function formatReceipt(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A new receipt code from a source of random bytes (crypto.getRandomValues in the browser). */
export function newReceipt(randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(RECEIPT_LENGTH);
  let code = '';
  for (const byte of bytes) code += RECEIPT_ALPHABET[byte % 32];
  return code;
}

export const ReceiptCode = Type.String({
  minLength: 12,
  maxLength: 20,
  pattern: '^[0-9A-Za-z -]+$',
  description: 'receipt code, e.g. 7KQM-4XPT-9BRC (case, spaces and dashes do not matter)',
});

/** Public code in a resident link's address `/r/<code>`: 10 lower-case base32 characters. */
export const LinkCodePattern = '^[0-9a-z]{10}$';
export const LinkCode = Type.String({ pattern: LinkCodePattern, description: 'the code in /r/<code>' });

/** What the resident agreed to: which notice, in which language, when (the phone's clock). */
export const ConsentSchema = Type.Object(
  {
    noticeVersion: Type.String({ minLength: 1, maxLength: 40 }),
    lang: LanguageTag,
    givenAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Consent = Static<typeof ConsentSchema>;

/** A resident's need as the phone sends it: the record, the consent and the receipt code. */
export const ResidentNeedInputSchema = Type.Object(
  {
    feature: RecordFeatureInputSchema,
    consent: ConsentSchema,
    receipt: ReceiptCode,
  },
  { additionalProperties: false },
);
export type ResidentNeedInput = Static<typeof ResidentNeedInputSchema>;

export const ResidentLinkInputSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120, description: 'e.g. "Aushang Bürgerhaus Eving"' }),
    quarterId: Type.String({ minLength: 1, maxLength: 64 }),
    sessionId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    languages: Type.Array(StringEnum(POSTER_LANGUAGES), {
      minItems: 1,
      maxItems: POSTER_LANGUAGES.length,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);
export type ResidentLinkInput = Static<typeof ResidentLinkInputSchema>;

/** A resident link as planners see it. */
export interface ResidentLink {
  id: string;
  code: string;
  /** Path of the link on this server: `/r/<code>`. */
  path: string;
  title: string;
  quarterId: string;
  sessionId: string | null;
  languages: PosterLanguage[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  /** Submissions received through the link (erased ones no longer count). */
  submissions: number;
}

/** What a resident's phone learns about a link: nothing about who made it. */
export interface PublicResidentLink {
  code: string;
  title: string;
  quarterId: string;
  languages: PosterLanguage[];
}

import type { FieldIssue } from '@quartiersatlas/domain';

/**
 * The local data layer's error catalogue. Each error has a stable code and a translation key under
 * `data.*`, so the UI shows `t(error.messageKey)` without knowing which error it caught.
 */
export const DATA_ERRORS = {
  VALIDATION_FAILED: 'data.validationFailed',
  STORAGE_FULL: 'data.storageFull',
  TAXONOMY_UNAVAILABLE: 'data.taxonomyUnavailable',
  RECORD_NOT_FOUND: 'data.recordNotFound',
  RECORD_DELETED: 'data.recordDeleted',
  NOT_A_NEED: 'data.notANeed',
  SESSION_NOT_FOUND: 'data.sessionNotFound',
  WRITE_FAILED: 'data.writeFailed',
} as const;

export type DataErrorCode = keyof typeof DATA_ERRORS;
export type DataErrorKey = (typeof DATA_ERRORS)[DataErrorCode];

export class LocalDataError extends Error {
  readonly code: DataErrorCode;
  readonly messageKey: DataErrorKey;

  constructor(code: DataErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalDataError';
    this.code = code;
    this.messageKey = DATA_ERRORS[code];
  }
}

/** A record or session that the domain's checks refuse; nothing was written. */
export class LocalValidationError extends LocalDataError {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super('VALIDATION_FAILED', issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.name = 'LocalValidationError';
    this.issues = issues;
  }
}

/** The browser refused to store more (IndexedDB quota); nothing of the failed write was kept. */
export class StorageFullError extends LocalDataError {
  constructor(cause: unknown) {
    super('STORAGE_FULL', 'the device storage for this site is full', { cause });
    this.name = 'StorageFullError';
  }
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  // Dexie wraps the DOMException and keeps it as `inner`; some browsers report the legacy code 22 only.
  return name === 'QuotaExceededError' || (error as { code?: unknown }).code === 22 || isQuotaError(inner);
}

/** Runs a write and turns a quota failure into a `StorageFullError` the UI can explain. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** The translation key to show for anything a data function threw. */
export function dataErrorKey(error: unknown): DataErrorKey {
  return error instanceof LocalDataError ? error.messageKey : DATA_ERRORS.WRITE_FAILED;
}

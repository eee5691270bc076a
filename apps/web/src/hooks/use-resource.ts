import type { ApiError } from '../api/client.ts';

/** A value that arrives asynchronously: still loading, failed with an API error, or ready. */
export type Resource<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

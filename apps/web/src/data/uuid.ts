/**
 * Record, session and op ids are UUIDv7 (RFC 9562): they sort by creation time, so the server's
 * indexes stay compact and lists read newest-last without a date column. One generator serves the
 * app and the sync engine.
 */
export { newOpId as newId } from '@quartiersatlas/sync';

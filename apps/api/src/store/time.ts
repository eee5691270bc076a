/** Server clock in the stored form: ISO 8601 UTC with milliseconds, which sorts as text. */
export function now(): string {
  return new Date().toISOString();
}

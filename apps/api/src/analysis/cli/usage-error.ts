/**
 * A mistake in the arguments or the input files: the CLI prints its message as one line and exits
 * with code 2. The message names the argument, file, row or column at fault.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

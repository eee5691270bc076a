// Accessibility analysis from the shell, on files instead of the database:
//   npm run analyze -- --supply <geojson|csv> --demand <geojson|csv> --method <method> --cutoff <metres> --out <csv> …
// Every option is described in docs/analysis-cli.md. Exit codes: 0 done, 2 bad arguments or
// input files (one line on stderr naming the argument, file, row or column), 1 anything else.
import { analyze } from './cli/analyze.ts';
import { readArgs, USAGE } from './cli/args.ts';
import { UsageError } from './cli/usage-error.ts';

function errorLine(message: string): void {
  process.stderr.write(`analyze: ${message.replaceAll(/\s*\n\s*/g, ' ')}\n`);
}

try {
  const options = readArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
  } else {
    const summary = analyze(options, (line) => process.stderr.write(`${line}\n`));
    for (const line of summary) process.stderr.write(`[analyze] ${line}\n`);
  }
} catch (err) {
  if (err instanceof UsageError) {
    errorLine(err.message);
    process.exitCode = 2;
  } else {
    errorLine(`internal error: ${(err as Error).message ?? String(err)}`);
    process.exitCode = 1;
  }
}

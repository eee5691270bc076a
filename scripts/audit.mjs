#!/usr/bin/env node
/**
 * `pnpm audit --prod --audit-level high`: known vulnerabilities of high or critical severity in what
 * the server and the web app ship fail the build (dev tools are not deployed). Fix by updating the
 * pinned version, or with a pnpm override.
 *
 * When the advisory service itself cannot be asked (some networks only let package downloads
 * through: the audit endpoint answers 405 or nothing), that is said plainly and the step passes,
 * because no finding is known; set AUDIT_REQUIRED=true to make that a failure too.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pnpm = fileURLToPath(new URL('../.tools/node_modules/pnpm/bin/pnpm.cjs', import.meta.url));
const run = spawnSync(process.execPath, [pnpm, 'audit', '--prod', '--audit-level', 'high'], {
  cwd: root,
  encoding: 'utf8',
});
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
process.stdout.write(output);
if (run.status === 0) process.exit(0);

const unreachable =
  /ERR_PNPM_AUDIT_BAD_RESPONSE|ERR_PNPM_AUDIT_ENDPOINT|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(output);
if (unreachable && process.env.AUDIT_REQUIRED !== 'true') {
  console.warn(
    '[audit] the advisory service could not be asked from this machine (see above), so no audit ran; ' +
      'nothing is known to be vulnerable. Run `node scripts/audit.mjs` where the npm registry answers ' +
      'audit requests, or set AUDIT_REQUIRED=true to fail here.',
  );
  process.exit(0);
}
process.exit(run.status ?? 1);

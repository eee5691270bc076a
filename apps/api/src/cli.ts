// Account administration from the shell, for the first admin and for locked-out operators:
//   npm run admin -- create <username> [--name "Full Name"] [--role admin|planner|field] [--password-stdin]
//   npm run admin -- set-password <username> [--password-stdin]
//   npm run admin -- disable <username>
//   npm run admin -- list
//   npm run admin -- purge-tombstones --older-than <days>
//   npm run admin -- retention
// Passwords are asked for without echo, read from stdin with --password-stdin, or taken from
// QA_ADMIN_PASSWORD (for scripted installs). They never appear as arguments, which `ps` would show.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ACCOUNT_ROLES, AccountInputSchema, type AccountRole, schemaIssues } from '@quartiersatlas/domain';
import { hashPassword } from './auth/password.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrate, openDatabase } from './db/database.ts';
import { AppError, summarize } from './errors.ts';
import { seedTaxonomy } from './seed.ts';
import { createAccount, findAccountRowByUsername, listAccounts, updateAccount } from './store/accounts.ts';
import { applyRetention } from './store/retention.ts';
import { purgeTombstones } from './store/sync-pull.ts';

class UsageError extends Error {}

const USAGE = `usage:
  npm run admin -- create <username> [--name "Full Name"] [--role admin|planner|field] [--password-stdin]
  npm run admin -- set-password <username> [--password-stdin]
  npm run admin -- disable <username>
  npm run admin -- list
  npm run admin -- purge-tombstones --older-than <days>
  npm run admin -- retention`;

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function readStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new UsageError('no password on standard input');
}

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to ask for a password: use --password-stdin or QA_ADMIN_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(question);
  muted._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function obtainPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdinLine();
  const fromEnv = process.env.QA_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await askHidden('Password (at least 10 characters): ');
  const second = await askHidden('Repeat the password: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

/** Whole days from 1: `0` would also purge deletions of a moment ago and send every device into a full download. */
function parseDays(raw: string | undefined): number {
  const days = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || days < 1 || days > 36_500) {
    throw new UsageError('--older-than needs a number of days from 1 to 36500');
  }
  return days;
}

function checkPassword(password: string): void {
  const issues = schemaIssues(AccountInputSchema.properties.password, password, 'password');
  if (issues.length > 0) throw new UsageError(summarize(issues));
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      'password-stdin': { type: 'boolean', default: false },
      'older-than': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, username] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return;
  }
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    await migrate(database.db);
    await seedTaxonomy(database.db);
    const db = database.db;
    switch (command) {
      case 'list': {
        for (const a of await listAccounts(db)) {
          out(`${a.username}\t${a.role}\t${a.disabled ? 'disabled' : 'active'}\t${a.displayName}`);
        }
        return;
      }
      case 'create': {
        if (!username) throw new UsageError('create needs a username');
        const role = values.role as AccountRole;
        // Residents take part through resident links only; they never get an account.
        if (!(ACCOUNT_ROLES as readonly string[]).includes(role)) {
          throw new UsageError(`--role must be ${ACCOUNT_ROLES.join(', ')}`);
        }
        const displayName = values.name ?? username;
        const issues = schemaIssues(AccountInputSchema, { username, displayName, role, password: 'x'.repeat(10) });
        if (issues.length > 0) throw new UsageError(summarize(issues));
        if (await findAccountRowByUsername(db, username)) throw new UsageError(`the username "${username}" is taken`);
        const password = await obtainPassword(values['password-stdin']);
        checkPassword(password);
        const account = await createAccount(db, {
          username,
          displayName,
          role,
          passwordHash: await hashPassword(password),
        });
        out(`created ${account.role} "${account.username}" in ${database.location}`);
        return;
      }
      case 'set-password': {
        if (!username) throw new UsageError('set-password needs a username');
        const row = await findAccountRowByUsername(db, username);
        if (!row) throw new UsageError(`there is no account "${username}"`);
        const password = await obtainPassword(values['password-stdin']);
        checkPassword(password);
        await updateAccount(db, row.id, { passwordHash: await hashPassword(password) });
        out(`password of "${row.username}" changed; its sessions and device tokens were ended`);
        return;
      }
      case 'disable': {
        if (!username) throw new UsageError('disable needs a username');
        const row = await findAccountRowByUsername(db, username);
        if (!row) throw new UsageError(`there is no account "${username}"`);
        await updateAccount(db, row.id, { disabled: true });
        out(`"${row.username}" is disabled; its sessions and device tokens were ended`);
        return;
      }
      case 'purge-tombstones': {
        const days = parseDays(values['older-than']);
        const before = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
        const { purged, horizon } = await purgeTombstones(db, before);
        out(`purged ${purged} deleted records older than ${days} days from ${database.location}`);
        if (purged > 0) out(`devices that last synced before version ${horizon} will download everything again`);
        return;
      }
      case 'retention': {
        const days = config.residentRetentionDays;
        const { erased, anonymised } = await applyRetention(db, config);
        out(`resident submissions older than ${days} days (RESIDENT_RETENTION_DAYS) in ${database.location}:`);
        out(`  ${erased} erased (pending, rejected or deleted)`);
        out(`  ${anonymised} anonymised (published: cell centre only, receipt no longer works)`);
        return;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof AppError) {
    console.error(`error: ${err.message}`);
    if (err instanceof UsageError) console.error(USAGE);
    process.exit(2);
  }
  if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`error: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});

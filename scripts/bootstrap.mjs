#!/usr/bin/env node
// The two-command entry point. Runs on a machine that has only Node.js and npm: it fetches the
// pinned pnpm into .tools/, installs the workspace when the lockfile or a manifest changed, builds
// the web app when its sources changed, and then hands over to the real command. Plain Node on
// purpose: nothing from node_modules may be needed before the install has run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const PNPM_VERSION = manifest.packageManager.split('@')[1];
const toolsDir = join(root, '.tools');
const pnpmBin = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

function log(message) {
  process.stderr.write(`[quartiersatlas] ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(cmd, args, options) {
  const status = run(cmd, args, options);
  if (status !== 0) {
    log(`"${[cmd, ...args].join(' ')}" failed with exit code ${status}`);
    process.exit(status);
  }
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    log(`Node.js ${process.versions.node} is too old: Quartiersatlas needs Node.js 20.19 or newer.`);
    process.exit(1);
  }
}

/** Hash of the files (recursively, skipping build output) that decide whether a step must rerun. */
function hashOf(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        visit(join(path, name));
      }
    } else {
      hash.update(path.slice(root.length));
      hash.update(readFileSync(path));
    }
  };
  for (const path of paths) visit(join(root, path));
  return hash.digest('hex');
}

function stampIsCurrent(stampFile, digest) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest;
}

function ensurePnpm() {
  if (existsSync(pnpmBin)) {
    const installed = JSON.parse(readFileSync(join(toolsDir, 'node_modules', 'pnpm', 'package.json'), 'utf8'));
    if (installed.version === PNPM_VERSION) return;
  }
  log(`fetching pnpm ${PNPM_VERSION} into .tools/ …`);
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(join(toolsDir, 'package.json'), '{ "private": true }\n');
  must('npm', [
    'install',
    '--prefix',
    toolsDir,
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    `pnpm@${PNPM_VERSION}`,
  ]);
}

function pnpm(args, options) {
  must(process.execPath, [pnpmBin, ...args], options);
}

function ensureInstalled() {
  ensurePnpm();
  const manifests = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'scripts/package.json'];
  for (const dir of ['apps', 'packages']) {
    for (const name of readdirSync(join(root, dir))) manifests.push(`${dir}/${name}/package.json`);
  }
  const digest = hashOf(manifests);
  const stamp = join(root, 'node_modules', '.quartiersatlas-install');
  if (stampIsCurrent(stamp, digest)) return;
  log('installing dependencies (the first time this compiles the SQLite driver, about a minute) …');
  pnpm(['install', '--frozen-lockfile', '--config.confirmModulesPurge=false']);
  writeFileSync(stamp, digest);
}

function ensureWebBuilt() {
  const digest = hashOf(['apps/web', 'packages/i18n', 'packages/domain', 'data/taxonomy.json']);
  const stamp = join(root, 'apps', 'web', 'dist', '.quartiersatlas-build');
  if (stampIsCurrent(stamp, digest)) return;
  log('building the web app …');
  pnpm(['--filter', '@quartiersatlas/web', 'run', 'build']);
  writeFileSync(stamp, digest);
}

function tsx(script, args, env = {}) {
  const status = run(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
  });
  process.exit(status);
}

/** Every TypeScript project of the workspace, each with its own tsconfig (DOM for the web app, Node elsewhere). */
function typecheck() {
  const projects = ['tsconfig.json', 'scripts/tsconfig.json', 'apps/web/e2e/tsconfig.json'];
  for (const dir of ['apps', 'packages']) {
    for (const name of readdirSync(join(root, dir))) {
      if (existsSync(join(root, dir, name, 'tsconfig.json'))) projects.push(`${dir}/${name}/tsconfig.json`);
    }
  }
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const failed = projects.filter((project) => run(process.execPath, [tsc, '--noEmit', '-p', project]) !== 0);
  if (failed.length > 0) {
    log(`type errors in ${failed.join(', ')}`);
    process.exit(1);
  }
}

checkNode();
const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'install':
    ensureInstalled();
    break;
  case 'start':
    ensureInstalled();
    ensureWebBuilt();
    tsx('apps/api/src/main.ts', args, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
    break;
  case 'test':
    ensureInstalled();
    ensureWebBuilt();
    pnpm(['exec', 'vitest', 'run', ...args]);
    break;
  case 'bench':
    ensureInstalled();
    tsx('scripts/bench/run.ts', args);
    break;
  case 'lint':
    ensureInstalled();
    pnpm(['exec', 'biome', 'check', '--error-on-warnings', ...args]);
    break;
  case 'typecheck':
    ensureInstalled();
    typecheck();
    break;
  case 'admin':
    ensureInstalled();
    tsx('apps/api/src/cli.ts', args);
    break;
  case 'analyze':
    ensureInstalled();
    tsx('apps/api/src/analysis/cli.ts', args);
    break;
  case 'demo-generate':
    ensureInstalled();
    tsx('scripts/demo/generate.ts', args);
    break;
  default:
    log(`unknown command "${command ?? ''}"; use start, test, bench, lint, typecheck, admin, analyze or demo-generate`);
    process.exit(2);
}

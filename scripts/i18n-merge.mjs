#!/usr/bin/env node
// Merges translations into packages/i18n/locales/<lang>.json without disturbing other keys:
//   node scripts/i18n-merge.mjs additions.json
// where additions.json is { "de": { "map": { "locate": "Mein Standort" } }, "en": { … }, … }.
// Existing keys are overwritten by the additions; a lock directory keeps two merges from
// interleaving. Keys keep their order; new ones are appended.
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const localeDir = join(root, 'packages', 'i18n', 'locales');
const lock = join(localeDir, '.merge-lock');

function merge(target, source, path) {
  for (const [key, value] of Object.entries(source)) {
    if (value !== null && typeof value === 'object') {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      merge(target[key], value, `${path}.${key}`);
    } else if (typeof value === 'string') {
      target[key] = value;
    } else {
      throw new Error(`${path}.${key}: translations must be strings`);
    }
  }
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/i18n-merge.mjs additions.json\n');
  process.exit(2);
}
const additions = JSON.parse(readFileSync(file, 'utf8'));
for (let attempt = 0; ; attempt++) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (attempt > 200) throw new Error(`${lock} is held; remove it if no merge is running`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
try {
  for (const [lang, tree] of Object.entries(additions)) {
    const path = join(localeDir, `${lang}.json`);
    const locale = JSON.parse(readFileSync(path, 'utf8'));
    merge(locale, tree, lang);
    writeFileSync(path, `${JSON.stringify(locale, null, 2)}\n`);
  }
} finally {
  rmdirSync(lock);
}

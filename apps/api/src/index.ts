// The API's entry for scripts (benchmarks, load and fault tests) that drive it in-process.
export { buildApp } from './app.ts';
export { hashPassword } from './auth/password.ts';
export { type Config, loadConfig } from './config.ts';
export { type Database, type DatabaseKind, migrate, openDatabase } from './db/database.ts';
export { loadDemoData, loadDemoPopulation, seedTaxonomy } from './seed.ts';
export { createAccount } from './store/accounts.ts';
export { createDeviceToken } from './store/auth.ts';
export { putQuarter } from './store/quarters.ts';
export { insertRecords, listRecords } from './store/records.ts';
export { getTaxonomy } from './store/taxonomy.ts';

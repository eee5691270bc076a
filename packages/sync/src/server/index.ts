export * from './cursor.ts';
export * from './fields.ts';
export * from './merge.ts';
export * from './op-checks.ts';
export * from './visibility.ts';

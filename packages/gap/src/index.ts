export * from './cost-matrix.ts';
export * from './types.ts';

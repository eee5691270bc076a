export * from './cost-matrix.ts';
export * from './decay.ts';
export * from './demand/index.ts';
export * from './gap/index.ts';
export * from './measures/index.ts';
export * from './network/index.ts';
export * from './types.ts';

// Entry of the analysis worker thread. Plain JavaScript on purpose: it registers the TypeScript
// loader first, so the worker runs the same sources whether the server was started by tsx or
// the tests by Vitest.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');

// Source checkouts (vitest, tsx scripts): piscina loads this file, which registers tsx in the worker thread and
// re-exports the TypeScript scan worker. Built installs load dist/serve/scan-worker.js directly.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./scan-worker.ts');
export default mod.default;
export const original = mod.original;

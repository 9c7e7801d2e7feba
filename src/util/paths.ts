// Where winnow's own files are: the package root (src/util/paths.ts and dist/util/paths.js are both two levels
// below it) and the shared data folder beside a source checkout.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding winnow's package.json, rules/ and corpus/model/. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared/data beside the checkout, or WINNOW_DATA when set (real pages for tests, evaluation and the demo). */
export function sharedDataDir(): string {
  return process.env.WINNOW_DATA ? resolve(process.env.WINNOW_DATA) : resolve(PACKAGE_ROOT, '..', 'shared', 'data');
}

// winnow's own version (package.json), in a module of its own so that every layer and the CLI's entry can name
// it without importing the analysis stages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

export const WINNOW_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

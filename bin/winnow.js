#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli and is compiled to dist/ by `npm install` (prepare script).
process.env.DOTENV_CONFIG_QUIET ??= 'true';
try {
  await import('../dist/cli/main.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    console.error('winnow: not built yet; run `npm install` (or `npm run build`) in the winnow folder first');
    process.exit(2);
  }
  throw err;
}

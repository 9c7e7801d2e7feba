#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --single-threaded-gc --max-semi-space-size=8
// Thin launcher: the CLI lives in src/cli and is compiled to dist/ by `npm install` (prepare script).
// The first line starts Node with what a batch run needs and cannot set once started (docs/bounds.md):
// --single-threaded-gc: no V8 GC helper threads competing with the analyse threads for the cores (Node refuses it in
// NODE_OPTIONS, and setting it after start aborts V8); --max-semi-space-size=8: a 16 MB new space in every thread,
// the main thread included, which no option of a running process can shrink (the batch's workers get the same from
// WORKER_YOUNG_MB; this flag overrides --worker-young); MALLOC_ARENA_MAX=2: glibc keeps two malloc arenas, not one
// per thread. `env -S` splits the line (GNU coreutils >= 8.30, macOS, FreeBSD); npm's Windows shims read the same line.
// `node bin/winnow.js ...` bypasses the line and runs with Node's defaults.
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

// bin/winnow.js's first line is how the installed CLI (`winnow`, `npx winnow`, npm's bin link) starts Node: with the
// flags a batch run needs and cannot set once started (docs/bounds.md). Executed through the kernel's shebang
// handling, as the bin link is, and read the way npm's Windows shims (cmd-shim) read it.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/winnow.js', import.meta.url));
const firstLine = readFileSync(BIN, 'utf8').split('\n')[0];
/** cmd-shim's own pattern (npm's cmd-shim 8, lib/index.js): variables, program and arguments of a `#!` line. */
const CMD_SHIM_SHEBANG = /^#!\s*(?:\/usr\/bin\/env\s+(?:-S\s+)?((?:[^ \t=]+=[^ \t=]+\s+)*))?([^ \t]+)(.*)$/;

describe.skipIf(process.platform === 'win32')('bin/winnow.js launcher line', () => {
  it('starts node with --single-threaded-gc, --max-semi-space-size=8 and MALLOC_ARENA_MAX=2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-launcher-'));
    try {
      const probe = join(dir, 'probe.mjs');
      writeFileSync(probe, `${firstLine}\nconsole.log(JSON.stringify({ execArgv: process.execArgv, arena: process.env.MALLOC_ARENA_MAX ?? null }));\n`);
      chmodSync(probe, 0o755);
      const r = spawnSync(probe, [], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, r.stderr).toBe(0);
      const seen = JSON.parse(r.stdout) as { execArgv: string[]; arena: string | null };
      expect(seen.execArgv).toContain('--single-threaded-gc');
      expect(seen.execArgv).toContain('--max-semi-space-size=8');
      expect(seen.arena).toBe('2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the CLI when executed directly, as the npm bin link does', () => {
    const r = spawnSync(BIN, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('bin/winnow.js launcher line, as npm writes Windows shims from it', () => {
  it('parses into the variable, node and its flags', () => {
    const m = CMD_SHIM_SHEBANG.exec(firstLine);
    expect(m).not.toBeNull();
    expect(m![1].trim()).toBe('MALLOC_ARENA_MAX=2');
    expect(m![2]).toBe('node');
    expect(m![3].trim()).toBe('--single-threaded-gc --max-semi-space-size=8');
  });
});

// The library keeps no page alive: two passes of analyze() over every HTML page of ../shared/data in one
// process fit a 256 MB heap (before the caches copied their keys, retained memory grew ~0.3 MB per page and the
// second pass died). Runs bench/library-memory.ts in a child process under --max-old-space-size=256.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './data.js';

/** The heap cap the two passes must fit (the biggest shared page alone needs ~106 MB while it is analysed). */
const HEAP_CAP_MB = 256;

describe('library memory', () => {
  it(`analyze() twice over the shared pages fits a ${HEAP_CAP_MB} MB heap`, () => {
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', join(REPO, 'bench', 'library-memory.ts'), '--passes', '2'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(r.status, r.stderr.split('\n').filter(Boolean).slice(-5).join('\n')).toBe(0);
    const line = r.stdout.trim().split('\n').pop()!;
    const s = JSON.parse(line) as { files: number; passes: number; pages: number; refused: number };
    expect(s.passes).toBe(2);
    expect(s.files).toBeGreaterThan(1200);
    expect(s.pages + s.refused).toBe(2 * s.files);
  }, 1_200_000);
});

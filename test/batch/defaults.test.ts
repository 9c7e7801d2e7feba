// The batch's memory-bounding defaults (figures in docs/bounds.md): how many analyze threads it starts, their young
// generation, and the SQLite page cache of its store connection.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultWorkers, tuneStoreForBatch, BATCH_STORE_CACHE_KIB, WORKER_YOUNG_MB } from '../../src/batch/index.js';
import { semiSpaceFlagMb } from '../../src/batch/pool.js';
import { REPO_ROOT } from './data.js';
import { openSqliteStore } from '../../src/store/index.js';

describe('batch defaults', () => {
  it('starts one analyze worker fewer than the cores, at least one', () => {
    expect(defaultWorkers(1)).toBe(1);
    expect(defaultWorkers(2)).toBe(1);
    expect(defaultWorkers(8)).toBe(7);
  });

  it("keeps SQLite's own 2 MB page cache on the batch's store connection, not better-sqlite3's 16 MB", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-batch-cache-'));
    const store = await openSqliteStore(join(dir, 'x.db'));
    try {
      expect(store.db.pragma('cache_size', { simple: true })).toBe(-16000);
      tuneStoreForBatch(store);
      expect(store.db.pragma('cache_size', { simple: true })).toBe(-BATCH_STORE_CACHE_KIB);
      expect(BATCH_STORE_CACHE_KIB).toBeLessThanOrEqual(2000);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives each worker the launcher's young generation: 16 MB of new space, --max-semi-space-size=8", () => {
    expect(WORKER_YOUNG_MB).toBe(24);
  });

  it('reads --max-semi-space-size from the flags Node runs with', () => {
    expect(semiSpaceFlagMb(['--single-threaded-gc', '--max-semi-space-size=8'])).toBe(8);
    expect(semiSpaceFlagMb(['--max_semi_space_size', '4'])).toBe(4);
    expect(semiSpaceFlagMb(['--single-threaded-gc'])).toBeUndefined();
    expect(semiSpaceFlagMb([])).toBeUndefined();
  });

  it('says --worker-young has no effect when a --max-semi-space-size flag sizes every thread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-batch-young-'));
    try {
      writeFileSync(join(dir, 'urls.txt'), '# nothing to fetch\n');
      const scan = (flags: string[], young: string[]) =>
        spawnSync(process.execPath, [...flags, join(REPO_ROOT, 'bin', 'winnow.js'), 'scan', '--from', 'urls.txt', '--db', 'x.db', '--workers', '1', '--quiet', ...young], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const overridden = scan(['--max-semi-space-size=8'], ['--worker-young', '32']);
      expect(overridden.status, overridden.stderr).toBe(0);
      expect(overridden.stderr).toMatch(/--worker-young 32 has no effect: Node runs with --max-semi-space-size=8/);
      const plain = scan([], ['--worker-young', '32']);
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stderr).not.toMatch(/has no effect/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

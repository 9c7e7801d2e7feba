// Training, corpus building and evaluation live in dev/, above the runtime: nothing in src/ may import them, and an
// installed package (no dev/) answers that retraining needs a source checkout.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devTrainCommand, runDevRetrain, RetrainUnavailable, RETRAIN_NEEDS_CHECKOUT, CHECKOUT_ROOT } from '../../src/retrain.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative module specifier of a file (static imports, re-exports, dynamic import() of a string literal). */
function specifiers(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
}

describe('layers', () => {
  it('no module under src/ imports from dev/, scripts/, bench/ or test/', () => {
    const bad: string[] = [];
    for (const f of tsFiles(join(ROOT, 'src'))) {
      for (const s of specifiers(f)) {
        const target = relative(ROOT, resolve(dirname(f), s));
        if (!target.startsWith('src/')) bad.push(`${relative(ROOT, f)} -> ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the checkout has the dev training; a tree without dev/ answers one line instead of training', async () => {
    expect(CHECKOUT_ROOT).toBe(resolve(ROOT));
    expect(devTrainCommand()?.args.at(-1)).toBe(join(resolve(ROOT), 'dev', 'train', 'cli.ts'));
    const bare = mkdtempSync(join(tmpdir(), 'winnow-installed-'));
    expect(devTrainCommand(bare)).toBeNull();
    const err = await runDevRetrain({ extra: [] }, bare).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetrainUnavailable);
    expect((err as Error).message).toBe(RETRAIN_NEEDS_CHECKOUT);
  });
});

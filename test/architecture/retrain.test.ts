// Training lives in dev/, above the runtime (test/architecture/layers.test.ts checks that src/ never imports it):
// a source checkout runs it, an installed package (no dev/) answers that retraining needs a source checkout.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devTrainCommand, runDevRetrain, RetrainUnavailable, RETRAIN_NEEDS_CHECKOUT, CHECKOUT_ROOT } from '../../src/retrain.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('retraining from the runtime', () => {
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

// Trains the classifier with other optimiser settings and scores each model by the quality gate's figures (corpus dev
// split, spam-pages dev split and its disguised pages), one line per setting; the shipped model is not touched.
// For choosing TRAIN (dev/train/train.ts) over several seeds: one seed's figures move by a page or two.
//   npx tsx dev/train/sweep.ts '[{}, {"epochs": 8}, {"epochs": 8, "seed": 8}]'
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { trainModel, trainingInputs, writeModel } from './train.js';
import { reportGateFigures, runGateEval } from '../eval/run.js';
import { resetModelCache } from '../../src/detect/model.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
const Settings = z.array(z.object({ epochs: z.number().int().positive(), lr: z.number().positive(), l2: z.number().nonnegative(), seed: z.number().int(), orders: z.number().int().positive() }).partial().strict());
const { positionals } = parseArgs({ allowPositionals: true });
let configs: z.infer<typeof Settings>;
try {
  configs = Settings.parse(JSON.parse(positionals[0] ?? '[{}]'));
} catch (e) {
  const why = e instanceof z.ZodError ? `${e.issues[0]?.path.join('.')}: ${e.issues[0]?.message}` : (e as Error).message.split('\n')[0];
  process.stderr.write(`sweep: the argument must be a JSON array of {epochs, lr, l2, seed} settings (${why})\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'winnow-sweep-'));
try {
  const inputs = await trainingInputs();
  for (const [i, c] of configs.entries()) {
    const path = join(dir, `model-${i}.json`);
    writeModel(trainModel({ ...inputs, train: c }), path);
    process.env.WINNOW_MODEL = path;
    resetModelCache();
    // the page stage's gold-page figures do not depend on the classifier's settings: left out for speed
    const r = await runGateEval('dev', { pages: false });
    const figures = Object.entries(reportGateFigures(r, 'dev') ?? {}).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ');
    console.log(`${JSON.stringify(c)}: ${figures}, meanOverKinds ${r.corpus.dev!.winnow.spanMacroKindF1.toFixed(4)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

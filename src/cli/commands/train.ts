import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('train')
    .description('retrain the classifier from the corpus train split plus reviewed findings in a store')
    .option('--db <path>', 'also learn from the moderators\' decisions stored here')
    .action(async (opts: { db?: string }) => {
      const { retrain } = await import('../../detect/train.js');
      let extra: import("../../detect/train.js").LabeledText[] = [];
      if (opts.db) {
        const { openStore } = await import('../../store/index.js');
        const review = await import('../../store/review.js');
        const store = await openStore(opts.db, { mustExist: true, readOnly: true });
        try {
          extra = await review.trainingExamples(store);
        } finally {
          await store.close();
        }
      }
      const r = await retrain({ extra, log: (s) => process.stderr.write(`${s}\n`) });
      const f = (x: typeof r.after | null) => (x ? `page F1 ${x.pageF1.toFixed(3)}, span F1 ${x.spanF1.toFixed(3)}` : 'n/a');
      process.stdout.write(`model written to ${r.modelPath}\ndev before: ${f(r.before)}\ndev after:  ${f(r.after)}\n`);
    });
}

import type { Command } from 'commander';
import { InputError } from '../../errors.js';

export function register(program: Command): void {
  program
    .command('train')
    .description('retrain the classifier from the corpus train split plus reviewed findings in a store (source checkout only)')
    .option('--db <path>', 'also learn from the moderators\' decisions stored here')
    .action(async (opts: { db?: string }) => {
      const { runDevScriptAttached, devTrainCommand, RETRAIN_NEEDS_CHECKOUT } = await import('../../retrain.js');
      if (!devTrainCommand()) throw new InputError(RETRAIN_NEEDS_CHECKOUT);
      const code = await runDevScriptAttached('train/cli.ts', opts.db ? ['--db', opts.db] : []);
      if (code !== 0) process.exitCode = code;
    });
}

import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import { readInput } from '../input.js';

export function register(program: Command): void {
  program
    .command('clean')
    .description('print the clean article (title, blank line, paragraphs) with injected spam removed')
    .argument('<input>', 'HTML file, http(s) URL, or - for stdin')
    .option('--html', 'print clean article HTML instead of text')
    .option('--allow-private', 'allow fetching loopback/private addresses (tests, intranets)')
    .action(async (input: string, opts: { html?: boolean; allowPrivate?: boolean }) => {
      const src = await readInput(input, { allowPrivate: opts.allowPrivate });
      const r = analyze(src.body, { url: src.url, contentType: src.contentType, input });
      process.stdout.write(`${opts.html ? r.cleanHtml : r.cleanText}\n`);
    });
}

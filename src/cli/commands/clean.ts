import type { Command } from 'commander';
import type { AnalyzeOptions } from '../../analyze.js';
import { InputError } from '../../errors.js';
import { REQUIRED_POINTS } from '../../detect/scoring.js';
import { DEFAULT_USER_AGENT } from '../../fetch/options.js';
import { overBudgetReason, type AnalyzeResult } from '../../result.js';
import { csvRow } from '../../report/csv.js';
import { readInput } from '../input.js';
import { errorRecord, inputLabel, namedMessage, OutDir, positiveOption, userAgentOption } from '../output.js';
import { checkFormat } from '../store-options.js';

export const CLEAN_FORMATS = ['txt', 'md', 'json', 'csv', 'html'] as const;
type CleanFormat = (typeof CLEAN_FORMATS)[number];
/** Columns of `clean --format csv` (and the keys of --format json). */
export const CLEAN_COLUMNS = ['input', 'url', 'title', 'lang', 'verdict', 'findings', 'text'] as const;

/** The article body: cleanText without its title line. */
function bodyOf(r: AnalyzeResult): string {
  const cut = r.cleanText.indexOf('\n\n');
  return cut < 0 ? '' : r.cleanText.slice(cut + 2);
}

function record(r: AnalyzeResult, input: string): Record<(typeof CLEAN_COLUMNS)[number], string | number> {
  return { input: inputLabel(input), url: r.url ?? '', title: r.cleanTitle, lang: r.lang, verdict: r.verdict, findings: r.findings.length, text: bodyOf(r) };
}

/** One input's clean article in the chosen format (csv without its header line). */
function render(r: AnalyzeResult, input: string, format: CleanFormat): string {
  switch (format) {
    case 'txt':
      return `${r.cleanText}\n`;
    case 'md':
      return `# ${r.cleanTitle.replace(/^#+\s*/, '')}\n\n${bodyOf(r)}\n`;
    case 'json':
      return `${JSON.stringify(record(r, input))}\n`;
    case 'csv':
      return csvRow(Object.values(record(r, input)));
    case 'html':
      return `${r.cleanHtml}\n`;
  }
}

interface CleanOpts {
  format: string;
  html?: boolean;
  out?: string;
  quiet?: boolean;
  threshold?: string;
  allowPrivate?: boolean;
  userAgent?: string;
}

export function register(program: Command): void {
  program
    .command('clean')
    .description('print each clean article (title, blank line, paragraphs) with injected spam removed')
    .argument('<inputs...>', 'HTML files, http(s) URLs, or - for stdin')
    .option('--format <fmt>', `output format: ${CLEAN_FORMATS.join(', ')} (json: one object per input; csv: ${CLEAN_COLUMNS.join(',')})`, 'txt')
    .option('--html', 'same as --format html (clean article HTML)')
    .option('--out <dir>', 'write one file per input into this folder (name of the input, extension of the format)')
    .option('--quiet', 'no line per written file')
    .option('--threshold <points>', `points a candidate needs to become a finding (default: ${REQUIRED_POINTS})`)
    .option('--allow-private', 'allow fetching loopback/private addresses (tests, intranets)')
    .option('--user-agent <ua>', `User-Agent for fetched URLs (default: "${DEFAULT_USER_AGENT}")`)
    .action(async (inputs: string[], opts: CleanOpts) => {
      const format = opts.html ? 'html' : checkFormat('clean', CLEAN_FORMATS, opts.format);
      const threshold = positiveOption('threshold', opts.threshold);
      userAgentOption(opts.userAgent);
      const outDir = opts.out ? new OutDir(opts.out, inputs) : undefined;
      if (inputs.length > 1 && inputs.filter((i) => i === '-').length > 1) throw new InputError('clean: stdin (-) can be given once');
      // loaded here, not at the top: the other winnow commands start without the analysis stages
      const { analyze } = await import('../../analyze.js');
      if (format === 'csv' && !outDir) process.stdout.write(csvRow([...CLEAN_COLUMNS]));
      let first = true;
      for (const input of inputs) {
        try {
          const src = await readInput(input, { allowPrivate: opts.allowPrivate, userAgent: opts.userAgent });
          const aopts: AnalyzeOptions & { threshold?: number } = { url: src.url, contentType: src.contentType, input, threshold };
          const r = analyze(src.body, aopts);
          // a page too big or too slow for its budget has no clean article: an empty one would pass for it
          const overBudget = overBudgetReason(r);
          if (overBudget) throw new InputError(`not analysed: ${overBudget}`);
          const text = render(r, input, format);
          if (outDir) {
            const path = outDir.write(input, format, format === 'csv' ? csvRow([...CLEAN_COLUMNS]) + text : text);
            if (!opts.quiet) process.stderr.write(`winnow: ${inputLabel(input)} -> ${path}\n`);
          } else {
            // txt, md and html articles one after another, a blank line between two
            const sep = !first && (format === 'txt' || format === 'md' || format === 'html') ? '\n' : '';
            process.stdout.write(sep + text);
          }
          first = false;
        } catch (err) {
          process.stderr.write(`winnow: ${namedMessage(input, err)}\n`);
          if (outDir) outDir.appendError(input, err);
          else if (format === 'json') process.stdout.write(errorRecord(input, err));
          process.exitCode = Math.max(Number(process.exitCode ?? 0), err instanceof InputError ? err.exitCode : 1);
        }
      }
    });
}

import type { Command } from 'commander';

/** `winnow enqueue <file.warc[.gz] | urls.txt>... --run NAME [--queue redis://…]`: jobs of references to the queue. */
export function register(program: Command): void {
  program
    .command('enqueue')
    .description('split WARC files (local or http(s)) and URL lists into queue jobs for `winnow worker`')
    .argument('<inputs...>', '.warc/.warc.gz files or URLs, or text files with one URL per line')
    .requiredOption('--run <name>', 'the run these jobs belong to (status, results and re-runs are per run)')
    .option('--queue <url>', 'Redis URL, optional ?prefix=NAME (default: WINNOW_QUEUE or redis://127.0.0.1:6379)')
    .option('--records-per-job <n>', 'WARC records per job', '300')
    .option('--urls-per-job <n>', 'URLs per job', '100')
    .action(async (inputs: string[], opts: { run: string; queue?: string; recordsPerJob: string; urlsPerJob: string }) => {
      const { InputError } = await import('../../errors.js');
      const int = (v: string, name: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new InputError(`--${name} must be an integer >= 1 (got ${v})`);
        return n;
      };
      const { enqueue } = await import('../../queue/enqueue.js');
      const s = await enqueue({
        inputs, run: opts.run, queue: opts.queue,
        recordsPerJob: int(opts.recordsPerJob, 'records-per-job'), urlsPerJob: int(opts.urlsPerJob, 'urls-per-job'),
      });
      process.stdout.write(`${JSON.stringify(s)}\n`);
      // lines that are no http(s) URL were left out: each named, as failed inputs are, and the exit code 2
      for (const b of s.badLines) process.stderr.write(`winnow: ${b.input}:${b.line}: ${b.reason}\n`);
      if (s.badLineCount > s.badLines.length) process.stderr.write(`winnow: … and ${s.badLineCount - s.badLines.length} more lines that are no http(s) URL\n`);
      if (s.badLineCount > 0) process.exitCode = 2;
    });
}

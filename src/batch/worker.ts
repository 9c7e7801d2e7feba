// Worker thread: runs analyze() (CPU-bound) for the batch pool. Loaded from dist/batch/worker.js (or the .ts
// source through tsx when running tests/benchmarks from source).
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import { InputError } from '../errors.js';
import type { AnalyzeJob, AnalyzeReply } from './pool.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
if (!parentPort) throw new Error('batch worker must run in a worker thread');
const port = parentPort;
port.on('message', (job: AnalyzeJob) => {
  let reply: AnalyzeReply;
  try {
    const result = analyze(job.body, { url: job.url, contentType: job.contentType, input: job.input, budgetMs: job.budgetMs, threshold: job.threshold });
    // trimmed before it crosses threads: the article HTML is as big as the text and only asked for by some outputs
    if (!job.cleanHtml) result.cleanHtml = '';
    reply = { id: job.id, ok: true, result };
  } catch (err) {
    const e = err as Error;
    reply = { id: job.id, ok: false, message: e?.message ?? String(err), inputError: err instanceof InputError };
  }
  port.postMessage(reply);
});

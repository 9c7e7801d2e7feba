// `winnow serve` entry: open the store, seed the demo corpus when empty, resolve the token, listen.
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../store/index.js';
import { countScans } from '../store/review.js';
import { InputError } from '../errors.js';
import { resolveTokens } from './auth.js';
import { buildApp } from './app.js';
import { seedDemo } from './seed.js';
export { buildApp, type AppOptions, type FetchedPage, APP_CSP, PAGE_VIEW_CSP } from './app.js';
export { seedDemo, type SeedSummary } from './seed.js';
export { resolveTokens, parseTokens, type TokenEntry } from './auth.js';

export interface ServeOptions {
  port: number;
  host: string;
  dbPath: string;
  /** scan the demo corpus when the store has no scan (default true) */
  seed?: boolean;
  allowPrivate?: boolean;
  /** where the Retrain button writes the model (default: retrain()'s default, corpus/model/model.json) */
  modelPath?: string;
  /** where one-time messages go (default: stderr) */
  log?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new InputError(`bad --port ${o.port}`);
  const store = await openStore(o.dbPath, { keepHtml: true });
  try {
    if ((o.seed ?? true) && (await countScans(store)) === 0) {
      log('winnow: empty store, scanning the demo pages (corpus/fixtures and a few real pages)...');
      const s = await seedDemo(store);
      log(`winnow: demo: ${s.scanned} page(s) scanned, ${s.findings} finding(s)${s.failed ? `, ${s.failed} failed (first: ${s.errors[0]})` : ''}`);
    }
    const tokens = resolveTokens(o.dbPath);
    const app = await buildApp({ store, tokens: tokens.tokens, allowPrivate: o.allowPrivate, modelPath: o.modelPath });
    try {
      await app.listen({ port: o.port, host: o.host });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new InputError(`cannot listen on ${o.host}:${o.port}: ${e.code ?? e.message}`);
    }
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : o.port;
    const host = o.host.includes(':') ? `[${o.host}]` : o.host === '0.0.0.0' ? '127.0.0.1' : o.host;
    const url = `http://${host}:${port}`;
    if (tokens.generated) {
      log(`winnow: new access token written to ${tokens.file} (mode 0600); it is shown only this once.`);
      log(`winnow: open ${url}/login?token=${tokens.generated}`);
    } else {
      log(`winnow: serving ${url} (token from ${tokens.file ?? 'WINNOW_TOKEN'}; log in at ${url}/login)`);
    }
    return {
      app,
      store,
      url,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

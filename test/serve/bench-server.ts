// The review server alone in its own process, for benchmarks that must not share its event loop with the load
// generator. Usage: node --import tsx test/serve/bench-server.ts <db> <token>; prints "port <n>" when listening.
import { openStore } from '../../src/store/index.js';
import { buildApp } from '../../src/serve/app.js';

const [db, token] = process.argv.slice(2);
const store = await openStore(db);
const app = await buildApp({ store, tokens: [{ name: 'bench', token }], scanPool: { threads: 1 } });
await app.listen({ port: 0, host: '127.0.0.1' });
const a = app.server.address();
process.stdout.write(`port ${typeof a === 'object' && a ? a.port : 0}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => store.close()).then(() => process.exit(0));
});

// The bare cheerio/slim parse of the interleaved bench, in a thread of its own: its own V8 isolate, so the walk's
// htmlparser2 subclasses (src/page/walk.ts) cannot turn the shared Parser's and Tokenizer's inline caches
// polymorphic and slow this parse down (in one isolate it took ~15% longer, which flattered analyze's ratio).
// Driven synchronously: the page arrives on `port` (read with receiveMessageOnPort) as its bytes and the charset
// winnow decoded it with, ctrl[0] = 1 says go; the worker decodes the bytes with that charset (TextDecoder: no
// sniffing, the cheapest decode there is) and parses the text, writes the decode time to ms[0] and the parse time to
// ms[1], and sets ctrl[0] back to 0. analyze() starts from the page's bytes too, so the two sides do the same kind
// of work: bytes in, a parsed page out.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { load } from 'cheerio/slim';

const { port, sab } = workerData;
const ctrl = new Int32Array(sab, 0, 2);
const ms = new Float64Array(sab, 8, 2);
for (;;) {
  Atomics.wait(ctrl, 0, 0);
  if (ctrl[1] < 0) break;
  // the page may not have reached this port yet when the go arrives (a port handed to a new thread): wait for it
  let got = receiveMessageOnPort(port);
  while (got === undefined) {
    Atomics.wait(ctrl, 1, 0, 1);
    got = receiveMessageOnPort(port);
  }
  const { bytes, encoding } = got.message;
  const t0 = performance.now();
  const html = new TextDecoder(encoding).decode(bytes);
  const t1 = performance.now();
  load(html);
  ms[0] = t1 - t0;
  ms[1] = performance.now() - t1;
  Atomics.store(ctrl, 0, 0);
  Atomics.notify(ctrl, 0);
}

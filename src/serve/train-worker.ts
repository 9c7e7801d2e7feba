// Runs retrain() off the server's event loop (training and the dev evaluation are CPU-bound for minutes).
// workerData: { extra, modelPath? }; posts { ok: true, result } or { ok: false, message }.
import { parentPort, workerData } from 'node:worker_threads';
import { retrain, type LabeledText } from '../detect/train.js';

const opts = workerData as { extra?: LabeledText[]; modelPath?: string };
try {
  const result = await retrain(opts);
  parentPort?.postMessage({ ok: true, result });
} catch (err) {
  parentPort?.postMessage({ ok: false, message: String((err as Error)?.message ?? err).split('\n')[0] });
}

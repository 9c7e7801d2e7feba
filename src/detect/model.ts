// A small hashed logistic-regression model (our own; see README "Why our own classifier" for the measurements
// against natural's BayesClassifier). Two heads share one file: `unit` scores a sentence or block as spam,
// `token` scores one word inside a sentence (with its neighbours) as part of a spliced-in phrase.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { PACKAGE_ROOT } from '../util/paths.js';

export const MODEL_FORMAT = 'winnow-hashed-lr-1';

const Head = z.object({
  bits: z.number().int().min(8).max(24),
  bias: z.number(),
  /** int8-quantised weights, base64; weight = q * scale / 127 */
  scale: z.number().positive(),
  weights: z.string(),
});
export const ModelFile = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.string(),
  trainedAt: z.string(),
  trainedOn: z.record(z.string(), z.number()),
  unit: Head,
  token: Head,
  /** dev-split figures measured right after training */
  figures: z.record(z.string(), z.number()).default({}),
});
export type ModelFile = z.infer<typeof ModelFile>;

export interface LrHead {
  bits: number;
  mask: number;
  bias: number;
  w: Float32Array;
  /** the int8 weights of a head read from a model file (w[i] is q[i] * qStep in float32), for score bounds */
  q?: Int8Array;
  qStep?: number;
}

export interface Model {
  version: string;
  unit: LrHead;
  token: LrHead;
}

/** The model file shipped in corpus/model/ (built by `npm run train`). */
export const SHIPPED_MODEL_PATH = join(PACKAGE_ROOT, 'corpus', 'model', 'model.json');
/** WINNOW_MODEL names another model file (e.g. one retrained from a store's decisions). */
export function defaultModelPath(): string {
  return process.env.WINNOW_MODEL || SHIPPED_MODEL_PATH;
}

/** Feature values are 1/sqrt(n) (L2-normalised counts), so a long text does not win on length alone. */
export function featureScale(n: number): number {
  return n > 0 ? 1 / Math.sqrt(n) : 0;
}

/** p from a head's summed weights over n features (see ScoreSink). */
export function squash(head: LrHead, sum: number, n: number): number {
  return 1 / (1 + Math.exp(-(head.bias + sum * featureScale(n))));
}

export function predict(head: LrHead, ids: number[]): number {
  const w = head.w;
  let s = 0;
  for (let i = 0; i < ids.length; i++) s += w[ids[i]];
  return 1 / (1 + Math.exp(-(head.bias + s * featureScale(ids.length))));
}

export function encodeHead(h: LrHead): z.infer<typeof Head> {
  let max = 0;
  for (const v of h.w) max = Math.max(max, Math.abs(v));
  const scale = max || 1;
  const q = new Int8Array(h.w.length);
  for (let i = 0; i < h.w.length; i++) q[i] = Math.round((h.w[i] / scale) * 127);
  return { bits: h.bits, bias: h.bias, scale, weights: Buffer.from(q.buffer).toString('base64') };
}

function decodeHead(h: z.infer<typeof Head>): LrHead {
  const buf = Buffer.from(h.weights, 'base64');
  const q = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (q.length !== 1 << h.bits) throw new InputError(`model: head has ${q.length} weights, expected ${1 << h.bits}`);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = (q[i] * h.scale) / 127;
  return { bits: h.bits, mask: (1 << h.bits) - 1, bias: h.bias, w, q, qStep: h.scale / 127 };
}

export function parseModel(json: unknown): Model {
  const m = ModelFile.safeParse(json);
  if (!m.success) throw new InputError(`model file is not a ${MODEL_FORMAT} model: ${m.error.issues[0]?.message}`);
  return { version: m.data.version, unit: decodeHead(m.data.unit), token: decodeHead(m.data.token) };
}

const cache = new Map<string, Model | null>();

/** Forget loaded models (after training wrote a new file). */
export function resetModelCache(): void {
  cache.clear();
}

/** Load the model file once; null when there is none (rules and structure still work without it). */
export function loadModel(path = defaultModelPath()): Model | null {
  if (cache.has(path)) return cache.get(path)!;
  let model: Model | null = null;
  try {
    model = parseModel(JSON.parse(readFileSync(path, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err instanceof InputError ? err : new InputError(`model ${path}: ${(err as Error).message}`);
  }
  cache.set(path, model);
  return model;
}

export interface TrainExample {
  ids: number[];
  y: 0 | 1;
  /** example weight (class balancing) */
  w?: number;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  /** AdaGrad base learning rate */
  lr: number;
  /** L2 regularisation per update */
  l2: number;
  seed: number;
}

/** Deterministic PRNG (mulberry32) for shuffling. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logistic regression by SGD with AdaGrad on hashed sparse binary features. Pure and deterministic. */
export function trainHead(examples: TrainExample[], o: TrainOptions): LrHead {
  const size = 1 << o.bits;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size).fill(1e-6);
  let bias = 0;
  let gb = 1e-6;
  const order = examples.map((_, i) => i);
  const rand = rng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const ex = examples[k];
      const x = featureScale(ex.ids.length);
      let z = 0;
      for (const id of ex.ids) z += w[id];
      const p = 1 / (1 + Math.exp(-(bias + z * x)));
      const g = (p - ex.y) * (ex.w ?? 1);
      for (const id of ex.ids) {
        const gi = g * x + o.l2 * w[id];
        g2[id] += gi * gi;
        w[id] -= (o.lr / Math.sqrt(g2[id])) * gi;
      }
      gb += g * g;
      bias -= (o.lr / Math.sqrt(gb)) * g;
    }
  }
  return { bits: o.bits, mask: size - 1, bias, w };
}

// Paths to the shared real data, resolved from the repo root (not the cwd).
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '../../src/page/index.js';
import { analyze } from '../../src/analyze.js';
import { snippetLoss, stripWhitespace } from '../../dev/eval/metrics.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = resolve(REPO, '../shared/data');

/** Bytes of a shared data file (gunzipped when it ends in .gz). */
export function dataBytes(rel: string): Buffer {
  const b = readFileSync(resolve(DATA, rel));
  return rel.endsWith('.gz') ? gunzipSync(b) : b;
}

export function dataJson<T>(rel: string): T {
  return JSON.parse(readFileSync(resolve(DATA, rel), 'utf8')) as T;
}

/** One trafilatura-eval page by its URL: its HTML (decoded as the page stage decodes it) and its snippets. */
export function trafilaturaEvalPage(url: string): { html: string; with: string[]; without: string[] } {
  const entry = dataJson<Record<string, { file: string; with?: string[]; without?: string[] }>>('trafilatura-eval/evaldata.json')[url];
  if (!entry) throw new Error(`trafilatura-eval has no page ${url}`);
  const rel = ['eval', 'cache'].map((d) => `trafilatura-eval/${d}/${entry.file}.gz`).find((r) => existsSync(resolve(DATA, r)));
  if (!rel) throw new Error(`trafilatura-eval page ${url}: no file ${entry.file}.gz`);
  return { html: decode(dataBytes(rel)).html, with: entry.with ?? [], without: entry.without ?? [] };
}

/**
 * A trafilatura-eval page's snippets against the text `read` gives of its HTML (analyze()'s clean text unless told),
 * scored as the evaluation scores them (snippetLoss): the must-keep snippets it lost and the must-drop ones it kept.
 */
export function snippetOutcome(url: string, read: (html: string) => string = (html) => analyze(html).cleanText): { with: string[]; lost: string[]; keptDrop: string[] } {
  const entry = trafilaturaEvalPage(url);
  const { lost, kept } = snippetLoss(stripWhitespace(read(entry.html)), entry.with, entry.without);
  return { with: entry.with, lost, keptDrop: kept };
}

/** Asserts that a trafilatura-eval page has must-keep snippets and loses none of them (snippetOutcome); its outcome. */
export function expectKeepsSnippets(url: string, read?: (html: string) => string): ReturnType<typeof snippetOutcome> {
  const o = snippetOutcome(url, read);
  expect(o.with.length, `${url}: must-keep snippets`).toBeGreaterThan(0);
  expect(o.lost, `${url}: must-keep snippets lost`).toEqual([]);
  return o;
}

// Paths to the shared real data, resolved from the repo root (not the cwd).
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '../../src/page/index.js';
import { analyze } from '../../src/analyze.js';

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
 * A trafilatura-eval page's snippets against analyze()'s clean text (whitespace aside): the must-keep snippets it
 * lost and the must-drop snippets it kept.
 */
export function snippetOutcome(url: string): { with: string[]; lost: string[]; keptDrop: string[] } {
  const entry = trafilaturaEvalPage(url);
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const clean = squeeze(analyze(entry.html).cleanText);
  return {
    with: entry.with,
    lost: entry.with.filter((w) => !clean.includes(squeeze(w))),
    keptDrop: entry.without.filter((w) => clean.includes(squeeze(w))),
  };
}

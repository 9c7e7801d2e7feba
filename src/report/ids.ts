// Stable identifiers for exported rows, so two exports of the same scans (or of a store rebuilt from the same
// inputs with the same winnow, rules and model) name every page, finding and cluster the same way.
import { createHash } from 'node:crypto';
import { fold } from '../text/normalize.js';

/** Hex characters kept from a sha256 for an id (64 bits: no collision expected below ~10^9 rows). */
const ID_HEX = 16;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const id = (...parts: Array<string | number>) => sha(parts.join('\u0000')).slice(0, ID_HEX);

/** A scan's run: the versions it ran with and the queued run's name (if any); the same run gives the same id. */
export function runId(v: { winnowVersion: string; rulesVersion: string; modelVersion: string; run?: string | null }): string {
  return id('run', v.winnowVersion, v.rulesVersion, v.modelVersion, v.run ?? '');
}

/** A page by its store key (input URL, file:/path or warc:<file>#<record id>). */
export function pageUid(pageKey: string): string {
  return id('page', pageKey);
}

/** A finding: run + page key + span. */
export function findingUid(run: string, pageKey: string, start: number, end: number): string {
  return id('finding', run, pageKey, start, end);
}

/** sha256 of the exact text (first 16 hex). */
export function textHash(text: string): string {
  return sha(text).slice(0, ID_HEX);
}

/** Folded (NFKC, lower case, look-alikes, no zero-width), whitespace collapsed, edge punctuation trimmed. */
export function normalizeText(text: string): string {
  return fold(text)
    .text.replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

/** Findings whose normalised texts are equal share a cluster. */
export function clusterId(text: string): string {
  return id('cluster', normalizeText(text));
}

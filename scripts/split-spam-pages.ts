/**
 * Splits ../shared/data/spam-pages by site into dev (two thirds: error analysis and tuning) and test (one third:
 * looked at only to report). Pages of one site, and a clean original with the spam copy made from it, share a group,
 * so no site or story is in both splits. Within each stratum (language, verdict) groups are ordered by a hash of
 * their key and every third goes to test, so the split is stable and balanced. Writes corpus/spam-pages-split.json.
 *
 *   npx tsx scripts/split-spam-pages.ts
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '..', 'shared', 'data', 'spam-pages', 'pages');
/** Pages that belong together although their ids name different sites (a clean original and its spam copy). */
const LINKED: Record<string, string> = {
  'en-tomsk-luxor-slots-parasite': 'en-neg-casinoorg-northbay',
  'zh-yng9h-lejing-substitution': 'zh-neg-fx361-taishan-sports',
};
const site = (id: string) => id.replace(/^(\w+)-(neg-)?([a-z0-9]+)-.*$/, '$3');

const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; lang: string; verdict: string });
const groupOf = (id: string): string => (LINKED[id] ? groupOf(LINKED[id]) : site(id));
const groups = new Map<string, typeof pages>();
for (const p of pages) {
  const g = groupOf(p.id);
  groups.set(g, [...(groups.get(g) ?? []), p]);
}
const strata = new Map<string, string[]>();
for (const [g, members] of groups) {
  const first = members.find((m) => !m.id.includes('-neg-')) ?? members[0];
  const key = `${first.lang.slice(0, 2)}/${first.verdict}`;
  strata.set(key, [...(strata.get(key) ?? []), g]);
}
const hash = (s: string) => createHash('sha1').update(s).digest('hex');
const test = new Set<string>();
for (const gs of strata.values()) {
  gs.sort((a, b) => hash(a).localeCompare(hash(b))).forEach((g, i) => i % 3 === 2 && test.add(g));
}
const split = { dev: [] as string[], test: [] as string[] };
for (const p of pages.sort((a, b) => a.id.localeCompare(b.id))) (test.has(groupOf(p.id)) ? split.test : split.dev).push(p.id);
writeFileSync(join(import.meta.dirname, '..', 'corpus', 'spam-pages-split.json'), JSON.stringify(split, null, 1) + '\n');
console.log(`dev ${split.dev.length}, test ${split.test.length}`);

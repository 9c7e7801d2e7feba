/**
 * False alarms on the clean real pages of ../shared/data (the pages with real injected spam left out), each
 * analysed as a file and replayed under another host, with the evaluation's own loop (dev/eval/real-pages.ts).
 *
 *   npx tsx dev/spam-pages/clean-pages.ts
 */
import { evalCleanPages } from '../eval/real-pages.js';

const f = evalCleanPages({ log: (s) => console.error(s) });
for (const p of f.flaggedPages) console.log(`FALSE ALARM${p.replayed ? ' (replayed)' : ''} ${p.page}: ${p.findings.join(' | ')}`);
for (const e of f.errors) console.log(`ERROR ${e.page}: ${e.error}`);
console.log(`${f.pages} clean pages: ${f.flagged} flagged as files, ${f.flaggedReplayed} replayed under another host, ${f.boilerplateFindings} with a finding in boilerplate`);

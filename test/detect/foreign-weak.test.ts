// A phrase of weak words written for another language than its block ("bandar togel terpercaya judi bola resmi", the
// Indonesian gambling words that news also uses, in a German sentence or caption) is located by the token head around
// the rule matches as a stronger match would be, and the classifier asked about the phrase alone decides. In a block
// of the rule's own language the same words still need the full lexicon points: a report on gambling stays whole.
// The German pages are real clean pages of ../shared/data (in no corpus split).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { isForeignTo } from '../../src/detect/detector.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { spliceAfter } from '../helpers/splice.js';

const page = (name: string): string => gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval', 'cache', name))).toString('utf8');
const PLUG = 'bandar togel terpercaya judi bola resmi';

describe('weak words of another language spliced into a block', () => {
  it('a rule is foreign to a block when its own languages, any aside, leave the block out', () => {
    expect(isForeignTo(['id', 'any'], 'de')).toBe(true);
    expect(isForeignTo(['id', 'any'], 'id')).toBe(false);
    expect(isForeignTo(['any'], 'de')).toBe(false);
    expect(isForeignTo(['zh', 'ja'], 'ja')).toBe(false);
  });
  it('is cut from a German article sentence, and the sentence stays', () => {
    const AT = 'Sie räumen Unternehmern das Recht ein, ';
    const r = analyze(spliceAfter(page('bmjv.de.konsum.html.gz'), AT, PLUG));
    expect(r.verdict).toBe('contaminated');
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([['spliced-phrase', PLUG]]);
    expect(r.cleanText).toContain(`${AT}Preise während der Vertragslaufzeit anzupassen`);
  });
  it('is cut from a caption outside the article, not the caption with it', () => {
    const AT = 'Der Toast-Test zeigt, in der Mitte ';
    const r = analyze(spliceAfter(page('chip.de.beef.html.gz'), AT, PLUG));
    // the finding is the plug alone: the caption's own words around it are not cut
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([['spliced-phrase', PLUG]]);
  });
  it('stays in an Indonesian report that uses the same words', () => {
    const html = `<html lang="id"><head><title>Polisi tangkap bandar togel di Medan</title></head><body><article>
      <h1>Polisi tangkap bandar togel di Medan</h1>
      <p>Kepolisian Daerah Sumatera Utara menangkap tiga tersangka bandar togel dan judi bola di Medan pada Senin malam, kata juru bicara polisi kepada wartawan.</p>
      <p>Para tersangka diduga mengelola situs judi bola yang mengaku resmi dan menerima taruhan dari ratusan pemain setiap hari, menurut hasil penyelidikan.</p>
      <p>Polisi menyita telepon genggam, buku rekening dan uang tunai sebagai barang bukti, dan para tersangka terancam hukuman penjara hingga sepuluh tahun.</p>
    </article></body></html>`;
    const r = analyze(html);
    expect(r.findings).toEqual([]);
    expect(r.cleanText).toContain('menangkap tiga tersangka bandar togel dan judi bola di Medan');
  });
});

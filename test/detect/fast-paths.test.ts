// The detect stage's fast paths must give exactly what the plain (slower) computations give: checked against
// reference formulations on the blocks and sentences of real pages (Latin and Chinese).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decode, buildPage } from '../../src/page/index.js';
import type { Page } from '../../src/page/types.js';
import { blockLang, buildContext, fuzzyMatches, mainTextLang, ruleLangs, MIN_LANG_CHARS } from '../../src/detect/context.js';
import { loadRules, matchTextLangs, type TextMatch } from '../../src/detect/rules/index.js';
import { regexGates, foldForMatch, foldTerm, lexiconScan } from '../../src/detect/rules/matcher.js';
import { DOMAIN_RE, HEAD_DOTTED, HEAD_EMOJI, HEAD_SPACED, SPACED_RE, headFlags, addTextFeatures, FeatureSink, ScoreSink, QuantSink, NS } from '../../src/detect/features.js';
import { loadModel } from '../../src/detect/model.js';
import { candidates, detect } from '../../src/detect/index.js';
import { unitP, unitPUnlessBelow } from '../../src/detect/classifier.js';
import { CAND_P, UNIT_ALONE_P, Generators, voteCanBeEvidence, wordWeight } from '../../src/detect/detector.js';
import { resolveOverlaps } from '../../src/detect/resolve.js';
import { sumPoints, modelPoints, REQUIRED_POINTS } from '../../src/detect/scoring.js';
import { MIN_SPAM_EVIDENCE, STRONG_MODEL_POINTS, hostKey } from '../../src/detect/evidence.js';
import { cjkRunsInLatin, detectLang, sentences, foldScope, foldText, foldTextPart, foldWhole, tokenUnits } from '../../src/text/index.js';
import { NO_BUDGET } from '../../src/budget.js';
import type { Span } from '../../src/text/types.js';
import { DATA, REPO, dataBytes } from '../page/data.js';

const SH = 'scrapinghub-article-extraction-benchmark/html';
const ZH = 'chinese-web-content-extraction/original';

/** A few real pages of both sets. */
function realPages(perSet: number): Page[] {
  const files = [
    ...readdirSync(resolve(DATA, SH)).sort().slice(0, perSet).map((f) => `${SH}/${f}`),
    ...readdirSync(resolve(DATA, ZH)).filter((f) => f.endsWith('.html')).sort().slice(0, perSet).map((f) => `${ZH}/${f}`),
  ];
  return files.map((f) => buildPage(decode(dataBytes(f)).html, {}));
}

const rules = loadRules();

describe('detect fast paths equal their plain computations', () => {
  const pages = realPages(12);

  it('block contexts worked out on first use equal the eager computation of every block (language, matches, sentences)', () => {
    let blocks = 0;
    let matched = 0;
    for (const page of pages) {
      foldScope(() => {
        const ctx = buildContext(page, rules);
        expect(ctx.blocks.length).toBe(page.blocks.length);
        // every block computed afresh, repeats included, and read in reverse order (a repeat before its first)
        for (let i = page.blocks.length - 1; i >= 0; i--) {
          const block = page.blocks[i];
          const bc = ctx.blocks[i];
          const lang = blockLang(block.text, ctx.lang);
          const langs = ruleLangs(block.text, lang, ctx.lang);
          const own: TextMatch[] = matchTextLangs(rules, block.text, langs, block.region);
          if (langs.has('zh') || langs.has('ja')) own.push(...fuzzyMatches(block.text, rules, own));
          const matches = own.map((m) => ({ ...m, start: m.start + block.start, end: m.end + block.start })).sort((a, b) => a.start - b.start);
          const sents: Span[] = sentences(block.text).map((s) => ({ start: s.start + block.start, end: s.end + block.start }));
          expect(bc.block).toBe(block);
          expect(bc.lang).toBe(lang);
          expect(bc.matches).toEqual(matches);
          expect(bc.sentences).toEqual(sents.length ? sents : [{ start: block.start, end: block.end }]);
          blocks++;
          matched += matches.length;
        }
      });
    }
    expect(blocks).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(10);
  });
});

describe('regex rule gates', () => {
  it('a text with a regex rule match always passes its language engine gates (block texts of real pages and spam-pages dev)', () => {
    const dev = (JSON.parse(readFileSync(resolve(REPO, 'corpus/spam-pages-split.json'), 'utf8')) as { dev: string[] }).dev;
    const spam = dev.map((id) => buildPage(decode(readFileSync(resolve(DATA, 'spam-pages/pages', `${id}.html`))).html, {}));
    const texts = [...realPages(12), ...spam].flatMap((p) => p.blocks.map((b) => foldForMatch(b.text).text));
    let withMatch = 0;
    let closed = 0;
    for (const lang of ['en', 'zh', 'ja', 'id', 'other'] as const) {
      const { regexes, gates, ungated } = regexGates(rules, lang);
      expect(regexes.length).toBeGreaterThan(0);
      for (const t of texts) {
        const matched = regexes.some(({ re, pre }) => (!pre || pre.test(t)) && [...t.matchAll(new RegExp(re.source, re.flags))].some((m) => m[0].length > 0));
        const open = ungated || gates.some((g) => g.test(t));
        if (matched) {
          withMatch++;
          expect(open, `${lang}: ${t.slice(0, 80)}`).toBe(true);
        }
        if (!open) closed++;
      }
    }
    expect(withMatch).toBeGreaterThan(50);
    // the gates do close on most texts (that is what they are for)
    expect(closed).toBeGreaterThan(texts.length);
  });
});

describe('lexicon automaton', () => {
  /** The matcher's word-edge class: 2 digit, 1 letter (not CJK), 0 else. */
  const edgeCls = (code: number): number => {
    if (code >= 0x30 && code <= 0x39) return 2;
    if (code < 0x80) return /[a-z]/i.test(String.fromCharCode(code)) ? 1 : 0;
    const ch = String.fromCharCode(code);
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u.test(ch)) return 0;
    return /\p{L}/u.test(ch) ? 1 : 0;
  };
  /** A letter-edged term may touch digits, a digit-edged one neither letters nor digits; text ends are boundaries. */
  const boundary = (t: string, i: number, cls: number): boolean => {
    if (cls === 0 || i < 0 || i >= t.length) return true;
    const nb = edgeCls(t.charCodeAt(i));
    return cls === 1 ? nb !== 1 : nb === 0;
  };

  it('finds every occurrence of every term with word boundaries, as a plain search does (real pages and spam-pages dev)', () => {
    const dev = (JSON.parse(readFileSync(resolve(REPO, 'corpus/spam-pages-split.json'), 'utf8')) as { dev: string[] }).dev;
    const spam = dev.map((id) => buildPage(decode(readFileSync(resolve(DATA, 'spam-pages/pages', `${id}.html`))).html, {}));
    const texts = [...new Set([...realPages(12), ...spam].flatMap((p) => p.blocks.map((b) => foldForMatch(b.text).text)))];
    let hits = 0;
    for (const lang of ['en', 'zh', 'ja', 'id', 'other'] as const) {
      const terms: { id: string; term: string }[] = [];
      for (const rule of rules.rules) {
        if (rule.kind !== 'lexicon' || !(rule.lang.includes('any') || rule.lang.includes(lang as 'en'))) continue;
        for (const term of new Set(rule.terms.map(foldTerm))) if (term) terms.push({ id: rule.id, term });
      }
      for (const t of texts) {
        const want: string[] = [];
        for (const { id, term } of terms) {
          const first = edgeCls(term.charCodeAt(0));
          const last = edgeCls(term.charCodeAt(term.length - 1));
          for (let at = t.indexOf(term); at >= 0; at = t.indexOf(term, at + 1)) {
            if (boundary(t, at - 1, first) && boundary(t, at + term.length, last)) want.push(`${id}:${at}:${at + term.length}`);
          }
        }
        const got = lexiconScan(rules, lang, t).map((h) => `${h.rule.id}:${h.start}:${h.end}`);
        expect(got.sort(), `${lang}: ${t.slice(0, 80)}`).toEqual(want.sort());
        hits += got.length;
      }
    }
    expect(hits).toBeGreaterThan(200);
  });
});


describe('one pass over a head for the shape features', () => {
  it('headFlags answers SPACED_RE, the emoji class and (where it could match) DOMAIN_RE, on real and spam-pages dev texts and edge cases', () => {
    const dev = (JSON.parse(readFileSync(resolve(REPO, 'corpus/spam-pages-split.json'), 'utf8')) as { dev: string[] }).dev;
    const spam = dev.map((id) => buildPage(decode(readFileSync(resolve(DATA, 'spam-pages/pages', `${id}.html`))).html, {}));
    const texts: string[] = [];
    for (const p of [...realPages(12), ...spam]) {
      for (const b of p.blocks) {
        texts.push(b.text);
        for (const s of sentences(b.text)) texts.push(b.text.slice(s.start, s.end));
      }
    }
    const edge = ['', '.', 'a.b', 'ab.c', 'ab.com', 'x-1.net', 'AB.COM', '1a.2', '..com', 'é8.com', 'a b c d', 'A L E X I S ⭐ 17', '⭐', '\ud83c', '\ud83c\udf00', 'x\u2600y', '𝗠 𝗢 𝗡 𝗔', 'ab.\ud83c\udf00'];
    const emojiRe = /[\u2600-\u27bf\u2b50\u2b55\u{1F300}-\u{1FAFF}]/u;
    const domainRe = new RegExp(DOMAIN_RE.source, 'i');
    let spaced = 0;
    let emoji = 0;
    let domains = 0;
    for (const t of [...texts, ...edge]) {
      const f = headFlags(t);
      expect((f & HEAD_SPACED) !== 0, t.slice(0, 80)).toBe(SPACED_RE.test(t));
      expect((f & HEAD_EMOJI) !== 0, t.slice(0, 80)).toBe(emojiRe.test(t));
      if (domainRe.test(t)) expect(f & HEAD_DOTTED, t.slice(0, 80)).toBe(HEAD_DOTTED);
      if (f & HEAD_SPACED) spaced++;
      if (f & HEAD_EMOJI) emoji++;
      if (domainRe.test(t)) domains++;
    }
    expect(texts.length).toBeGreaterThan(5000);
    expect(spaced).toBeGreaterThan(3);
    expect(emoji).toBeGreaterThan(3);
    expect(domains).toBeGreaterThan(50);
  });
});

describe('work the detect stage shares or skips', () => {
  it('cjkRunsInLatin skips texts without Han or kana, and gives what the full count gives on real sentences', () => {
    // the full formulation: count CJK and Latin letters, then cut the runs
    const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f);
    const reference = (s: string, minChars: number): Span[] => {
      const cjk = [...s].filter((ch) => isCjk(ch.charCodeAt(0)) && ch.length === 1).length;
      const latin = (s.match(/[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/g) ?? []).length;
      if (cjk < minChars || latin <= cjk * 3) return [];
      return cjkRunsInLatin(s, minChars);
    };
    let texts = 0;
    let runs = 0;
    for (const page of realPages(12)) {
      for (const b of page.blocks) {
        for (const s of sentences(b.text)) {
          const t = b.text.slice(s.start, s.end);
          const got = cjkRunsInLatin(t, 3);
          expect(got, t.slice(0, 80)).toEqual(reference(t, 3));
          texts++;
          runs += got.length;
        }
      }
    }
    for (const t of ['', 'plain English text', 'The word 博彩网站 in English text here', 'ｶﾀｶﾅ in a sentence of English words', '東京']) expect(cjkRunsInLatin(t, 3)).toEqual(reference(t, 3));
    expect(texts).toBeGreaterThan(5000);
    expect(runs).toBeGreaterThan(0);
  });

  it("a sentence's fold read from its block's fold (foldTextPart) is the sentence's own fold, on real pages", () => {
    let nonAscii = 0;
    let sents = 0;
    for (const page of realPages(12)) {
      foldScope(() => {
        for (const b of page.blocks) {
          expect(page.text.slice(b.start, b.end)).toBe(b.text);
          const whole = foldWhole(b.text);
          for (const s of sentences(b.text)) {
            const t = b.text.slice(s.start, s.end);
            expect(foldTextPart(whole, b.text, s.start, s.end), t.slice(0, 80)).toBe(foldText(t));
            sents++;
            if (whole.map !== null) nonAscii++;
          }
        }
      });
    }
    expect(sents).toBeGreaterThan(5000);
    expect(nonAscii).toBeGreaterThan(1000);
  });

  it('a sink summing the hashes of addTextFeatures in one addAll gives the sum of its features read one by one, in order', () => {
    const { unit } = loadModel()!;
    let texts = 0;
    for (const page of realPages(6)) {
      for (const b of page.blocks) {
        for (const t of [b.text, foldText(b.text)]) {
          for (const salt of [0, NS.squeeze]) {
            const ids = new FeatureSink(unit.mask);
            addTextFeatures(t, ids, salt);
            const score = new ScoreSink(unit.w, unit.mask);
            addTextFeatures(t, score, salt);
            let sum = 0;
            for (const id of ids.ids) sum += unit.w[id];
            expect(score.n).toBe(ids.ids.length);
            expect(score.sum).toBe(sum);
            const quant = new QuantSink(unit.q!, unit.qStep!, unit.mask);
            addTextFeatures(t, quant, salt);
            expect(quant.sum).toBe(ids.ids.reduce((x, id) => x + unit.q![id], 0));
          }
          texts++;
        }
      }
    }
    expect(texts).toBeGreaterThan(1000);
  });

  it("the result's language reuses the detect stage's language of the main text: the same as asking again", () => {
    let reused = 0;
    for (const page of realPages(12)) {
      foldScope(() => buildContext(page, rules));
      const mainText = page.mainIds.map((id) => page.blocks[id].text).join('\n');
      if (mainText.length >= MIN_LANG_CHARS) {
        expect(mainTextLang(page)).toBe(detectLang(mainText));
        reused++;
      } else expect(mainTextLang(page)).toBeUndefined();
    }
    expect(reused).toBeGreaterThan(20);
  });

  it('an ASCII text is given its language read in place, as its lower case would be (real block texts, mixed case)', () => {
    // a non-ASCII separator after the sample's text sends it through the lower-casing path without changing its words
    const texts = realPages(12).flatMap((p) => p.blocks.map((b) => b.text.slice(0, 1990))).filter((t) => /^[\x00-\x7f]*$/.test(t));
    const langs = new Set<string>();
    for (const t of [...texts, ...texts.map((x) => x.toUpperCase()), "C'EST D'UN LE LA LES", 'THE And OF to']) {
      const lang = detectLang(t);
      expect(lang, t.slice(0, 80)).toBe(detectLang(t + '\u00b7'));
      langs.add(lang);
    }
    expect(texts.length).toBeGreaterThan(1000);
    expect(langs.size).toBeGreaterThan(2);
  });

  it("a link's host is read by a char scan as the regex read it (every link of real pages, and edge cases)", () => {
    const HOST_RE = /^\s*(?:https?:)?\/\/([^/?#\s]+)/i;
    const hrefs = realPages(12).flatMap((p) => p.blocks.flatMap((b) => b.links.map((l) => l.href)));
    expect(hrefs.length).toBeGreaterThan(1000);
    const edges = ['', '//', '///x', 'https://', 'https:/x.com', 'HTTPS://X.COM/a', 'Http://a.b?c', ' \t\u00a0//a.b#c', '\u3000https://a', 'http:\u001a//a', 'https\u001a//a', 'ftp://a.b', 'https:https://a', '//a b', '//a\u2028b', 'javascript://x', 'http://[::1]/', 'http://user@host:80/'];
    for (const h of [...hrefs, ...edges]) {
      const m = HOST_RE.exec(h);
      expect(hostKey(h), JSON.stringify(h)).toBe(m ? m[1].toLowerCase() : null);
    }
  });

  it('a text whose few words keep the classifier vote weak (voteCanBeEvidence false) gets a vote below spam evidence even at p = 1; tokenUnits bounds wordWeight', () => {
    const model = loadModel();
    let weak = 0;
    let texts = 0;
    for (const page of realPages(12)) {
      const g = new Generators(page, rules, model, NO_BUDGET, REQUIRED_POINTS);
      for (const b of page.blocks) {
        for (const t of [b.text, ...sentences(b.text).map((s) => b.text.slice(s.start, s.end))]) {
          if (!t.trim()) continue;
          texts++;
          expect(tokenUnits(t), t.slice(0, 80)).toBeGreaterThanOrEqual(wordWeight(t));
          if (voteCanBeEvidence(t)) continue;
          weak++;
          for (const p of [1, 0.999999, UNIT_ALONE_P]) expect(g.modelHit(t, p)[0].points, t.slice(0, 80)).toBeLessThan(STRONG_MODEL_POINTS);
        }
      }
    }
    expect(texts).toBeGreaterThan(3000);
    expect(weak).toBeGreaterThan(300);
    // and a vote below UNIT_ALONE_P is never strong, whatever the words (detect asks a vote-only unit at UNIT_ALONE_P)
    expect(modelPoints(UNIT_ALONE_P)).toBeLessThan(STRONG_MODEL_POINTS);
  });

  it('detect leaves out candidates without spam evidence of their own and asks the consistency votes only of those with it: the findings of every candidate voted (real pages, spam-pages dev)', () => {
    const dev = (JSON.parse(readFileSync(resolve(REPO, 'corpus/spam-pages-split.json'), 'utf8')) as { dev: string[] }).dev;
    const spam = dev.map((id) => buildPage(decode(readFileSync(resolve(DATA, 'spam-pages/pages', `${id}.html`))).html, {}));
    const model = loadModel();
    let findings = 0;
    let unvoted = 0;
    for (const page of [...realPages(12), ...spam]) {
      const opts = { rules, model };
      const all = foldScope(() => candidates(page, opts));
      unvoted += all.filter((x) => x.evidence < MIN_SPAM_EVIDENCE).length;
      const want = resolveOverlaps(
        all.filter((x) => x.points >= REQUIRED_POINTS && x.evidence >= MIN_SPAM_EVIDENCE).map((x) => ({ c: x, hits: x.rules, points: x.points })),
        sumPoints,
      ).map(({ c, hits, points }) => ({ start: c.start, end: c.end, kind: c.kind, points, rules: hits }));
      const got = foldScope(() => detect(page, opts)).map((f) => ({ start: f.start, end: f.end, kind: f.kind, points: f.points, rules: f.rules }));
      expect(got).toEqual(want);
      findings += got.length;
    }
    expect(findings).toBeGreaterThan(20);
    expect(unvoted).toBeGreaterThan(30);
  });

  it("the classifier's question p >= p0 gives the exact p whenever its bound does not answer (unitPUnlessBelow, kept by the detector)", () => {
    const model = loadModel()!;
    let exact = 0;
    let below = 0;
    for (const page of realPages(6)) {
      for (const b of page.blocks) {
        for (const t of [b.text, ...sentences(b.text).map((s) => b.text.slice(s.start, s.end))]) {
          const p = unitP(t, model);
          for (const p0 of [CAND_P, UNIT_ALONE_P]) {
            const got = unitPUnlessBelow(t, model, p0);
            if (got === null) {
              expect(p < p0, t.slice(0, 80)).toBe(true);
              below++;
            } else {
              expect(got, t.slice(0, 80)).toBe(p);
              exact++;
            }
          }
        }
      }
    }
    expect(below).toBeGreaterThan(1000);
    expect(exact).toBeGreaterThan(20);
  });
});

// Matching lexicon and regex rules on folded text, with offsets mapped back into the original string.
// Lexicon terms of all rules that apply to one language are compiled into a single Aho-Corasick automaton
// (one pass over the text whatever the number of terms); regex rules run one by one on the same folded text.
import { fold, simplifiedTable, toSimplified, BEYOND_LATIN_RE, DISGUISE_RE, hasLeet, hasSpelt, undisguiseMapped, unleet } from '../../text/index.js';
import { outsideBudgets } from '../../budget.js';
import type { Lang } from '../../text/types.js';
import type { Region } from '../../page/types.js';
import type { Rule } from './schema.js';
import { isAscii, isHan, isLetter, isSeparator as isSpace, isZeroWidth } from '../../util/chars.js';

/** Minimal view of the compiled rules the matcher needs (CompiledRules satisfies it). */
export interface RuleSet {
  rules: Rule[];
}

/** One lexicon/regex rule match; offsets point into the ORIGINAL text passed to matchText. */
export interface TextMatch {
  rule: Rule;
  start: number;
  end: number;
  evidence: string;
}

export interface MatchContext {
  lang: Lang;
  where: Region;
}

/** Languages rule files can name (besides 'any'); every other Lang only gets the 'any' rules. */
const RULE_LANGS: ReadonlySet<string> = new Set(['zh', 'ja', 'en', 'id']);
/** Key of the engine used for languages no rule names. */
const OTHER_LANG = 'other';

// Characters fold() may leave in place that must not break a term: zero-width and soft hyphen are dropped,
// any run of white space becomes one ' ' (so "online\n  casino" matches the term "online casino").
const NEEDS_CLEANUP_RE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const needsCleanup = (t: string): boolean => NEEDS_CLEANUP_RE.test(t) || t.includes('  ');


/** Text as the rules see it: fold() (NFKC, lower-case, look-alikes), zero-width removed, white space collapsed. */
export interface MatchText {
  text: string;
  /** map[i] = offset in the original of char i; map[text.length] = original length */
  map: Int32Array;
}


/** Folded text whose map may be null: the identity (pure ASCII text that needed no clean-up). */
interface LazyFold {
  text: string;
  map: Int32Array | null;
}

/** Drop zero-width chars and collapse white space runs of src (whose own map into the original is srcMap). */
function cleanup(src: string, srcMap: Int32Array | null): LazyFold {
  const map = new Int32Array(src.length + 1);
  let out = '';
  let n = 0;
  let runStart = 0; // start of the current run of kept chars in src
  let prevSpace = false;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (isZeroWidth(c) || (prevSpace && isSpace(c))) {
      if (i > runStart) out += src.slice(runStart, i);
      runStart = i + 1;
      continue;
    }
    if (isSpace(c)) {
      prevSpace = true;
      if (c !== 0x20) {
        if (i > runStart) out += src.slice(runStart, i);
        out += ' ';
        runStart = i + 1;
      }
    } else prevSpace = false;
    map[n++] = srcMap ? srcMap[i] : i;
  }
  if (src.length > runStart) out += src.slice(runStart);
  map[n] = srcMap ? srcMap[src.length] : src.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

/**
 * fold() of pure-ASCII text is plain lower-casing with an identity map (NFKC and look-alike folding leave
 * ASCII alone), so ASCII texts skip fold() and the map is only built when clean-up moves chars.
 */
function foldLazy(s: string): LazyFold {
  if (isAscii(s)) {
    // digits and signs standing for letters inside a word (v1agra, c@sino) are read as the letters: same length
    let lower = s.toLowerCase();
    if (hasLeet(lower)) lower = unleet(lower);
    const clean = needsCleanup(lower) ? cleanup(lower, null) : { text: lower, map: null };
    // a word spelt out letter by letter (v.i.a.g.r.a) is read as the word
    return hasSpelt(clean.text) ? undisguiseMapped(clean.text, clean.map) : clean;
  }
  const f = fold(s);
  const seen = BEYOND_LATIN_RE.test(f.text) ? scanForRules(f.text) : 0;
  // traditional characters meet the simplified rule terms (same length: the map stays)
  let text = seen & HAS_TRADITIONAL ? toSimplified(f.text) : f.text;
  if (hasLeet(text)) text = unleet(text);
  const clean = needsCleanup(text) ? cleanup(text, f.map) : { text, map: f.map };
  return (seen & MAY_BE_DISGUISED && DISGUISE_RE.test(clean.text)) || hasSpelt(clean.text) ? undisguiseMapped(clean.text, clean.map) : clean;
}

/**
 * Does the rules' reading of s differ from s in its Han text: a traditional character, or a disguise? (The same
 * char-code pass foldForMatch runs, on the text as it is; fold leaves Han characters alone.)
 */
export function readsOtherwise(s: string): boolean {
  return BEYOND_LATIN_RE.test(s) && scanForRules(s) !== 0;
}

/**
 * May s hold a disguise (DISGUISE_RE may match)? The char-code pass of readsOtherwise, without the regex: a text it
 * says no of holds none; one it says yes of is asked of DISGUISE_RE.
 */
export function mayBeDisguised(s: string): boolean {
  return BEYOND_LATIN_RE.test(s) && (scanForRules(s, MAY_BE_DISGUISED) & MAY_BE_DISGUISED) !== 0;
}

/** scanForRules: the text has a traditional character (toSimplified changes it) */
const HAS_TRADITIONAL = 1;
/** scanForRules: the text may hide a keyword (DISGUISE_RE may match) */
const MAY_BE_DISGUISED = 2;

/**
 * One pass of char-code tests over a folded text, for what the rules' text needs beyond it: a traditional character
 * (HAS_TRADITIONAL), and (MAY_BE_DISGUISED) a "(" or "（" and a letter right after a Han character, a Han character
 * three times with a space between each, or a pictograph (the BMP symbol blocks emoji use, or a surrogate pair of the
 * emoji planes). DISGUISE_RE alone costs ~15x more on real pages' texts (its look-behinds run at every position).
 * Chars below U+2600 (Latin, Cyrillic, punctuation: most chars of most texts) are passed over with one test.
 */
function scanForRules(s: string, wanted = HAS_TRADITIONAL | MAY_BE_DISGUISED): number {
  const trad = simplifiedTable();
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) {
      // a gloss: "(" or "（" after a Han character, a Latin letter (toned or not) after it
      const d = s.charCodeAt(i + 1);
      if (i > 0 && isHan(s.charCodeAt(i - 1)) && ((d >= 0x61 && d <= 0x7a) || (d >= 0xe0 && d <= 0x1dc))) seen |= MAY_BE_DISGUISED;
    } else if (c < 0x2600) {
      if (c === 0x20 && i >= 3 && isHan(s.charCodeAt(i - 1)) && isHan(s.charCodeAt(i + 1)) && s.charCodeAt(i - 2) === 0x20 && isHan(s.charCodeAt(i - 3))) {
        seen |= MAY_BE_DISGUISED;
      }
      continue;
    } else if (trad[c] !== 0) seen |= HAS_TRADITIONAL;
    else if (c <= 0x27bf || (c >= 0x2b00 && c <= 0x2bff) || (c >= 0xd83c && c <= 0xd83e)) seen |= MAY_BE_DISGUISED;
    if ((seen & wanted) === wanted) break;
  }
  return seen;
}

export function foldForMatch(s: string): MatchText {
  const f = foldLazy(s);
  if (f.map) return { text: f.text, map: f.map };
  const map = new Int32Array(f.text.length + 1);
  for (let i = 0; i <= f.text.length; i++) map[i] = i;
  return { text: f.text, map };
}

/** Fold a lexicon term exactly like the text it is matched on (trimmed). */
export function foldTerm(term: string): string {
  return foldForMatch(term).text.trim();
}

// ---- word boundaries for latin terms -------------------------------------------------------------

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u;

/** edgeClass + 1 per UTF-16 code unit, 0 = not computed yet */
const CLASS_TABLE = new Uint8Array(0x10000);

function cachedEdgeClass(code: number): number {
  const v = CLASS_TABLE[code];
  if (v !== 0) return v - 1;
  const cls = edgeClass(code);
  CLASS_TABLE[code] = cls + 1;
  return cls;
}

/** 0 = no boundary needed (CJK, punctuation), 1 = latin letter, 2 = digit. */
function edgeClass(code: number): 0 | 1 | 2 {
  if (code >= 0x30 && code <= 0x39) return 2;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 1;
  if (code < 0x80) return 0;
  const ch = String.fromCharCode(code);
  if (CJK_RE.test(ch)) return 0;
  return isLetter(code) ? 1 : 0;
}

/** Does the neighbour char break a word that ends (or starts) with a char of class cls? */
function isBoundary(text: string, i: number, cls: 0 | 1 | 2): boolean {
  if (cls === 0 || i < 0 || i >= text.length) return true;
  const nb = cachedEdgeClass(text.charCodeAt(i));
  // a letter-edged term may touch digits ("casino88"); a digit-edged term may not touch letters or digits
  return cls === 1 ? nb !== 1 : nb === 0;
}

const ASCII_CLASS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) ASCII_CLASS[c] = edgeClass(c);

// ---- Aho-Corasick ------------------------------------------------------------------------------------

interface Pattern {
  ruleIdx: number;
  length: number;
  startCls: 0 | 1 | 2;
  endCls: 0 | 1 | 2;
}

/**
 * Aho-Corasick automaton over UTF-16 code units. Built with Maps, then frozen into typed arrays: a dense
 * table for the root (most steps start there) and, per state, its children's labels/targets in one flat
 * sorted array (scanned linearly when short, binary-searched when long).
 */
class Automaton {
  private readonly build_next: Map<number, number>[] = [new Map()];
  private readonly build_out: (number[] | undefined)[] = [undefined];
  private readonly patterns: Pattern[] = [];
  private root = new Int32Array(0x10000);
  private fail = new Int32Array(1);
  private childStart = new Int32Array(2);
  private labels = new Uint16Array(0);
  private targets = new Int32Array(0);
  private out: (number[] | undefined)[] = [];
  /** 1 for a state with patterns ending in it: the scan's test per char reads a byte, not the sparse out list */
  private ends = new Uint8Array(1);

  add(term: string, ruleIdx: number): void {
    let s = 0;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      let t = this.build_next[s].get(c);
      if (t === undefined) {
        t = this.build_next.length;
        this.build_next.push(new Map());
        this.build_out.push(undefined);
        this.build_next[s].set(c, t);
      }
      s = t;
    }
    const pid = this.patterns.length;
    this.patterns.push({
      ruleIdx,
      length: term.length,
      startCls: edgeClass(term.charCodeAt(0)),
      endCls: edgeClass(term.charCodeAt(term.length - 1)),
    });
    (this.build_out[s] ??= []).push(pid);
  }

  build(): void {
    const next = this.build_next;
    const n = next.length;
    const out = this.build_out;
    const fail = new Int32Array(n);
    // goto(s, c) while building: Maps
    const queue: number[] = [];
    for (const t of next[0].values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [c, t] of next[s]) {
        let f = fail[s];
        let ft = next[f].get(c);
        while (ft === undefined && f !== 0) {
          f = fail[f];
          ft = next[f].get(c);
        }
        const target = ft !== undefined && ft !== t ? ft : 0;
        fail[t] = target;
        const inherited = out[target];
        if (inherited) out[t] = [...(out[t] ?? []), ...inherited];
        queue.push(t);
      }
    }
    // freeze
    const root = new Int32Array(0x10000);
    for (const [c, t] of next[0]) root[c] = t;
    const childStart = new Int32Array(n + 1);
    let total = 0;
    for (let s = 0; s < n; s++) {
      childStart[s] = total;
      if (s !== 0) total += next[s].size;
    }
    childStart[n] = total;
    const labels = new Uint16Array(total);
    const targets = new Int32Array(total);
    for (let s = 1; s < n; s++) {
      const kids = [...next[s]].sort((a, b) => a[0] - b[0]);
      let k = childStart[s];
      for (const [c, t] of kids) {
        labels[k] = c;
        targets[k++] = t;
      }
    }
    this.root = root;
    this.fail = fail;
    this.childStart = childStart;
    this.labels = labels;
    this.targets = targets;
    this.out = out;
    const ends = new Uint8Array(n);
    for (let st = 0; st < n; st++) if (out[st] !== undefined) ends[st] = 1;
    this.ends = ends;
  }

  /** Calls hit(pattern, start, end) for every occurrence (folded offsets) that respects word boundaries. */
  scan(text: string, hit: (p: Pattern, start: number, end: number) => void): void {
    const { root, fail, childStart, labels, targets, out, ends, patterns } = this;
    let s = 0;
    let prevCls = 0; // edge class of text[i - 1]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const cls = c < 0x80 ? ASCII_CLASS[c] : cachedEdgeClass(c);
      for (;;) {
        if (s === 0) {
          // every term that starts with a letter (digit) needs a word boundary before it, so no match can
          // start here when the previous char is a letter (a letter or digit): stay at the root
          if ((cls === 1 && prevCls === 1) || (cls === 2 && prevCls !== 0)) break;
          s = root[c];
          break;
        }
        let lo = childStart[s];
        let hi = childStart[s + 1];
        let t = -1;
        if (hi - lo <= 8) {
          for (; lo < hi; lo++) {
            if (labels[lo] === c) {
              t = targets[lo];
              break;
            }
          }
        } else {
          hi--;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const l = labels[mid];
            if (l === c) {
              t = targets[mid];
              break;
            }
            if (l < c) lo = mid + 1;
            else hi = mid - 1;
          }
        }
        if (t >= 0) {
          s = t;
          break;
        }
        s = fail[s];
      }
      prevCls = cls;
      if (s === 0) continue;
      if (ends[s] === 0) continue;
      const o = out[s]!;
      for (let k = 0; k < o.length; k++) {
        const p = patterns[o[k]];
        const start = i + 1 - p.length;
        if (isBoundary(text, start - 1, p.startCls) && isBoundary(text, i + 1, p.endCls)) hit(p, start, i + 1);
      }
    }
  }
}

// ---- engines per language ----------------------------------------------------------------------------

interface Engine {
  automaton: Automaton;
  lexiconRules: Rule[];
  regexes: { rule: Rule; re: RegExp; pre: RegExp | null }[];
  /**
   * Gates of the regex rules, one per set of flags: the alternation of each rule's prefilter (or pattern, for a rule
   * without one), so a text none of them matches, as most blocks, is let through with one test instead of one per
   * rule. A rule whose pattern could not be put in a gate (back-references) is always run: `ungated`.
   */
  gates: RegExp[];
  ungated: boolean;
}

/** Back-references number or name groups: their meaning changes inside an alternation of other patterns. */
const BACKREF_RE = /\\(?:[1-9]|k<)/;

/**
 * The gates of an engine's regex rules (see Engine.gates): a rule's matches need its prefilter to match and its
 * pattern to match, and an alternation matches wherever one of its parts does, so a text no gate matches has no
 * regex rule match.
 */
function buildGates(regexes: Engine['regexes']): { gates: RegExp[]; ungated: boolean } {
  const byFlags = new Map<string, string[]>();
  let ungated = false;
  for (const { re, pre } of regexes) {
    const source = pre ? pre.source : re.source;
    if (BACKREF_RE.test(source)) {
      ungated = true;
      continue;
    }
    const flags = re.flags.replace('g', '');
    let parts = byFlags.get(flags);
    if (!parts) byFlags.set(flags, (parts = []));
    parts.push(`(?:${source})`);
  }
  const gates: RegExp[] = [];
  for (const [flags, parts] of byFlags) {
    try {
      gates.push(new RegExp(parts.join('|'), flags));
    } catch {
      return { gates: [], ungated: true };
    }
  }
  return { gates, ungated };
}

const engines = new WeakMap<object, Map<string, Engine>>();

function langKey(lang: Lang): string {
  return RULE_LANGS.has(lang) ? lang : OTHER_LANG;
}

function appliesToLang(rule: Rule, key: string): boolean {
  return rule.lang.includes('any') || (key !== OTHER_LANG && rule.lang.includes(key as 'zh'));
}

function buildEngine(rules: Rule[], key: string): Engine {
  const automaton = new Automaton();
  const lexiconRules: Rule[] = [];
  const regexes: Engine['regexes'] = [];
  for (const rule of rules) {
    if (!appliesToLang(rule, key)) continue;
    if (rule.kind === 'lexicon') {
      const idx = lexiconRules.length;
      lexiconRules.push(rule);
      const seen = new Set<string>();
      for (const term of rule.terms) {
        const t = foldTerm(term);
        if (t.length === 0 || seen.has(t)) continue;
        seen.add(t);
        automaton.add(t, idx);
      }
    } else if (rule.kind === 'regex') {
      const flags = rule.flags.includes('g') ? rule.flags : `${rule.flags}g`;
      regexes.push({ rule, re: new RegExp(rule.pattern, flags), pre: rule.prefilter ? new RegExp(rule.prefilter, rule.flags.replace('g', '')) : null });
    }
  }
  automaton.build();
  return { automaton, lexiconRules, regexes, ...buildGates(regexes) };
}

function engineFor(set: RuleSet, lang: Lang): Engine {
  let perLang = engines.get(set);
  if (!perLang) {
    perLang = new Map();
    engines.set(set, perLang);
  }
  const key = langKey(lang);
  let e = perLang.get(key);
  if (!e) {
    // a one-off build on a language's first page (the lexicon automaton, the regexes and their gates): like the
    // segmenter's dictionary, it counts against no page's time budget
    e = outsideBudgets(() => buildEngine(set.rules, key));
    perLang.set(key, e);
  }
  return e;
}

/** The regex rules of a language and their gates (see Engine.gates), for the tests that hold the gates exact. */
export function regexGates(set: RuleSet, lang: Lang): Pick<Engine, 'regexes' | 'gates' | 'ungated'> {
  const { regexes, gates, ungated } = engineFor(set, lang);
  return { regexes, gates, ungated };
}

/** The lexicon hits of a language's automaton on a folded text (folded offsets): for the test that holds it to a plain search. */
export function lexiconScan(set: RuleSet, lang: Lang, folded: string): { rule: Rule; start: number; end: number }[] {
  const { automaton, lexiconRules } = engineFor(set, lang);
  const hits: { rule: Rule; start: number; end: number }[] = [];
  automaton.scan(folded, (p, start, end) => hits.push({ rule: lexiconRules[p.ruleIdx], start, end }));
  return hits;
}

function whereOk(rule: Rule, where: Region): boolean {
  return rule.where === undefined || rule.where.includes(where);
}


/** Original [start, end) of the folded span [fs, fe) (a word's trailing disguise goes with it; spaces do not). */
export function toOriginal(original: string, m: LazyFold, fs: number, fe: number): [number, number] {
  if (!m.map) return [fs, fe];
  const start = m.map[fs];
  let end = Math.max(m.map[fe], start + 1);
  if (fe > fs) {
    // do not swallow zero-width chars or spaces that sit between the match and the next folded char
    while (end - 1 > m.map[fe - 1] && (isSpace(original.charCodeAt(end - 1)) || isZeroWidth(original.charCodeAt(end - 1)))) end--;
  }
  return [start, Math.min(end, original.length)];
}

/** Run the lexicon and regex rules that apply to (lang, where) over text. Hits of one rule are merged when they overlap. */
export function matchRules(set: RuleSet, text: string, ctx: MatchContext): TextMatch[] {
  if (text.length === 0) return [];
  return matchFolded(engineFor(set, ctx.lang), text, foldLazy(text), ctx.where);
}

/**
 * matchRules for each of several languages over one text, folded once; a language whose rules are another's (two
 * languages no rule names) runs once. The lists come one after the other, in the order of langs, each match once.
 */
export function matchRulesLangs(set: RuleSet, text: string, langs: Iterable<Lang>, where: Region): TextMatch[] {
  if (text.length === 0) return [];
  const m = foldLazy(text);
  const keys: string[] = [];
  const engines: Engine[] = [];
  for (const lang of langs) {
    const key = langKey(lang);
    if (keys.includes(key)) continue;
    keys.push(key);
    engines.push(engineFor(set, lang));
  }
  if (keys.length === 1) return matchFolded(engines[0], text, m, where);
  // the rules of the languages no rule names are the 'any' rules, which every language's engine runs too: their list
  // is the 'any' part of the next language's (nothing at all after a language's, all copies)
  const other = keys.indexOf(OTHER_LANG);
  const out: TextMatch[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (k === other) continue;
    const list = matchFolded(engines[k], text, m, where);
    if (k === 1 && other === 0) for (const x of list) if (x.rule.lang.includes('any')) out.push(x);
    for (const x of list) out.push(x);
  }
  // a rule two languages share matches once per language: keep the first
  return withoutCopies(out);
}

/** Matches without the copies of one rule at one place, first ones kept. */
function withoutCopies(matches: TextMatch[]): TextMatch[] {
  const seen = new Set<string>();
  return matches.filter((x) => {
    const key = `${x.rule.id}:${x.start}:${x.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const NO_REGEXES: Engine['regexes'] = [];

/** Can a regex rule of the engine match the (folded) text: a gate matches it, or a rule is not gated? */
function gateOpen(engine: Engine, text: string): boolean {
  if (engine.ungated) return true;
  for (const g of engine.gates) if (g.test(text)) return true;
  return false;
}

function matchFolded(engine: Engine, text: string, m: LazyFold, where: Region): TextMatch[] {
  const raw: { rule: Rule; fs: number; fe: number }[] = [];
  const lex = engine.lexiconRules;
  engine.automaton.scan(m.text, (p, fs, fe) => {
    const rule = lex[p.ruleIdx];
    if (whereOk(rule, where)) raw.push({ rule, fs, fe });
  });
  const regexes = gateOpen(engine, m.text) ? engine.regexes : NO_REGEXES;
  for (const { rule, re, pre } of regexes) {
    if (!whereOk(rule, where)) continue;
    if (pre && !pre.test(m.text)) continue;
    re.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = re.exec(m.text)) !== null) {
      if (r[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      raw.push({ rule, fs: r.index, fe: r.index + r[0].length });
    }
  }
  if (raw.length === 0) return [];
  // merge overlapping hits of the same rule
  raw.sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : a.fs - b.fs || b.fe - a.fe));
  const merged: { rule: Rule; fs: number; fe: number }[] = [];
  for (const h of raw) {
    const last = merged[merged.length - 1];
    if (last && last.rule === h.rule && h.fs < last.fe) last.fe = Math.max(last.fe, h.fe);
    else merged.push({ ...h });
  }
  const out = merged.map(({ rule, fs, fe }) => {
    const [start, end] = toOriginal(text, m, fs, fe);
    return { rule, start, end, evidence: text.slice(start, end) };
  });
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

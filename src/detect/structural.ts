// Structural checks: signals that come from where text sits and how it is shaped, not from its words.
// Each check is switched on and weighted by a `kind: structural` rule in rules/structural.yaml (check: <name>);
// a rule's params override the defaults below.
import type { Block } from '../page/types.js';
import type { CompiledRules, TextMatch } from './rules/index.js';
import type { RuleHit } from './types.js';
import type { StructuralCheck } from './rules/schema.js';
import { segment } from '../text/index.js';

export const DEFAULTS: Record<StructuralCheck, Record<string, number>> = {
  // a title segment at the start or end, at most maxShare of the title, whose words the article does not use
  'title-affix': { maxShare: 0.5, minSupport: 0.5 },
  // "1. 富途证券:..." — a short numbered line with a name and a colon, standing alone between paragraphs
  'numbered-promo-line': { maxChars: 120 },
  // a block of links, mostly to other sites
  'link-block': { minLinks: 4, minOffsiteShare: 0.6, minLinkTextShare: 0.5 },
  // many off-site links with keyword anchors
  'link-farm': { minOffsiteLinks: 3, minKeywordAnchors: 2 },
  // matched spam terms cover much of a block, or terms repeat
  'keyword-stuffing': { minCoverage: 0.35, minDistinct: 3, minChars: 20 },
  // a phrase in both the title and the body that the article does not otherwise use
  'repeated-phrase': { minChars: 4 },
  // hidden (not UI) block carrying text or links
  'hidden-text': { minChars: 20 },
  // the spam site's own name/slogan around the article
  'site-branding': {},
};

export interface StructuralRuleRef {
  id: string;
  points: number;
  description: string;
  params: Record<string, number>;
}

export function structuralRules(rules: CompiledRules): Map<StructuralCheck, StructuralRuleRef> {
  const out = new Map<StructuralCheck, StructuralRuleRef>();
  for (const r of rules.rules) {
    if (r.kind !== 'structural') continue;
    out.set(r.check, { id: r.id, points: r.score, description: r.description, params: { ...DEFAULTS[r.check], ...r.params } });
  }
  return out;
}

export function hitOf(ref: StructuralRuleRef, evidence: string, points = ref.points): RuleHit {
  return { rule: ref.id, points, description: ref.description, evidence };
}

const LABEL_RE = /^(友情链接|友链|合作伙伴|合作网站|相关链接|links?|partners?|partner sites|blogroll|sponsored links|friends)\s*[:：]?/i;
export function isLinkBlock(b: Block, p: Record<string, number>): boolean {
  const links = b.links.length;
  if (links < p.minLinks) return false;
  const offsite = b.links.filter((l) => l.offsite).length / links;
  const linkShare = b.text.length ? b.linkChars / b.text.length : 0;
  return offsite >= p.minOffsiteShare && (linkShare >= p.minLinkTextShare || LABEL_RE.test(b.text.trim()));
}

/** Off-site links whose anchor text carries a spam term. */
export function keywordAnchors(b: Block, matches: TextMatch[]): number {
  let n = 0;
  for (const l of b.links) {
    if (!l.offsite || !l.text) continue;
    const i = b.text.indexOf(l.text);
    if (i < 0) continue;
    const s = b.start + i;
    const e = s + l.text.length;
    if (matches.some((m) => m.rule.score > 0 && m.start < e && m.end > s)) n++;
  }
  return n;
}

export function isKeywordStuffed(b: Block, matches: TextMatch[], p: Record<string, number>): boolean {
  if (b.text.length < p.minChars) return false;
  const pos = matches.filter((m) => m.rule.score > 0);
  const distinct = new Set(pos.map((m) => m.evidence.toLowerCase()));
  let covered = 0;
  let last = b.start;
  for (const m of pos) {
    const s = Math.max(m.start, last);
    if (m.end > s) covered += m.end - s;
    last = Math.max(last, m.end);
  }
  const nonSpace = b.text.replace(/\s+/g, '').length || 1;
  return distinct.size >= p.minDistinct && covered / nonSpace >= p.minCoverage;
}

const NUMBERED_RE = /^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)）:：]\s*\S{1,24}?[:：]/u;
export function isNumberedPromoLine(b: Block, p: Record<string, number>): boolean {
  return b.text.length <= p.maxChars && NUMBERED_RE.test(b.text);
}

/** CJK titles: a space is a separator (there are no spaces between words). Latin titles: only real separators. */
const CJK_TITLE_SEP_RE = /\s*(?:[|｜_–—]|\s-\s)\s*|\s+/gu;
const LATIN_TITLE_SEP_RE = /\s*(?:[|｜_–—:]|\s-\s)\s*/gu;

export interface Affix {
  /** offsets into the title string */
  start: number;
  end: number;
  text: string;
}

/** Candidate prefix and suffix segments of a title (cut at spaces and separators), at most maxShare of it. */
export function titleAffixes(title: string, maxShare: number): Affix[] {
  const cuts: { s: number; e: number }[] = [];
  const re = /[\u3040-\u30ff\u3400-\u9fff]/.test(title) ? CJK_TITLE_SEP_RE : LATIN_TITLE_SEP_RE;
  for (const m of title.matchAll(re)) {
    if (m[0].length === 0) continue;
    cuts.push({ s: m.index!, e: m.index! + m[0].length });
  }
  if (cuts.length === 0) return [];
  const out: Affix[] = [];
  const first = cuts[0];
  if (first.s > 0 && first.s <= title.length * maxShare) out.push({ start: 0, end: first.s, text: title.slice(0, first.s) });
  const last = cuts[cuts.length - 1];
  if (last.e < title.length && title.length - last.e <= title.length * maxShare) {
    out.push({ start: last.e, end: title.length, text: title.slice(last.e) });
  }
  return out;
}

/** Share of a phrase's words that the article body uses outside exact copies of the phrase. */
export function bodySupport(phrase: string, bodyFolded: string): number {
  const words = segment(phrase.toLowerCase()).filter((t) => t.text.length >= (t.cjk ? 2 : 3));
  if (words.length === 0) return 1;
  const stripped = bodyFolded.split(phrase.toLowerCase()).join(' ');
  let found = 0;
  for (const w of words) if (stripped.includes(w.text)) found++;
  return found / words.length;
}

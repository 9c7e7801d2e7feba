// What counts as spam evidence, and what is the site's own. Structure (where text sits, how it is shaped) only
// says where to look: a finding needs words that are spam on their own (lexicon/regex points) or a confident
// classifier. And the site's own navigation (links to its own domain, whatever URL the page was fetched from) is
// never a link block.
import { getDomain } from 'tldts';
import type { Block, Link, Page } from '../page/types.js';
import type { CompiledRules } from './rules/index.js';
import type { RuleHit } from './types.js';
import { endsAuthority, hostStart } from '../util/url.js';

/** A classifier vote is spam evidence on its own from this many points (logit; 2.2 = p 0.9); weaker is a hint. */
export const STRONG_MODEL_POINTS = 2.2;
/**
 * A weaker classifier vote (logit 1.1 = p 0.75) counts as evidence beside a lexicon hit it agrees with: two
 * independent readers of the words, neither confident alone (a weak game-server term and p 0.79; a spam domain in a
 * line's text and p 0.80). Alone it stays a hint. Corpus dev page recall 0.856 -> 0.868 at precision 1.000, with the
 * same result for any bar from 0 to 1.1 points; clean shared pages still 0 of 1,336 flagged.
 */
export const CORROBORATING_MODEL_POINTS = 1.1;
/** A finding needs at least this much spam evidence of its own: lexicon points, plus a strong classifier vote. */
export const MIN_SPAM_EVIDENCE = 1.5;
/** A title part needs this much spam evidence of its own to be cut from a two-part headline. */
export const MIN_AFFIX_EVIDENCE = 2;

/** Rule ids of a rule set whose hits are commercial wording (contact handles, offers, calls to action). */
const commercialIndex = new WeakMap<CompiledRules, Set<string>>();
export function commercialRules(rules: CompiledRules): Set<string> {
  let s = commercialIndex.get(rules);
  if (!s) commercialIndex.set(rules, (s = new Set(rules.rules.filter((r) => r.kind !== 'structural' && r.commercial).map((r) => r.id))));
  return s;
}

/**
 * Structural checks whose hits are spam evidence too: spam words in link host names, and links to other sites hidden
 * from readers under anchors that do not name those sites (hidden links are link spam by what they are, whatever
 * their words: of the 1,416 shared pages only a real injected link farm has such a list).
 */
const WORD_CHECKS = new Set(['spam-link-hosts', 'hidden-link-list']);

const structuralIndex = new WeakMap<CompiledRules, Set<string>>();
/** Ids of the structural rules whose hits are NOT spam evidence (shape only). */
function structuralIds(rules: CompiledRules): Set<string> {
  let s = structuralIndex.get(rules);
  if (!s) {
    s = new Set(rules.rules.filter((r) => r.kind === 'structural' && !WORD_CHECKS.has(r.check)).map((r) => r.id));
    structuralIndex.set(rules, s);
  }
  return s;
}

/**
 * Spam evidence in a unit's hits: positive lexicon/regex points, plus the classifier's vote when it is strong, or
 * when it leans to spam and a lexicon hit agrees, or the unit's shape does (`corroborated`: a headline part the article
 * never uses, asked about alone; see AFFIX_ALONE_P in detector.ts).
 */
export function spamEvidence(hits: RuleHit[], rules: CompiledRules, corroborated = false): number {
  const structural = structuralIds(rules);
  let lex = 0;
  let model = 0;
  let against = 0;
  for (const h of hits) {
    if (h.rule === 'CLASSIFIER') model = Math.max(model, h.points);
    else if (h.cancels === 'CLASSIFIER') against += h.points;
    else if (h.points > 0 && !structural.has(h.rule) && h.rule !== 'OFF_TOPIC' && h.rule !== 'RECURRING') lex += h.points;
  }
  // a vote the unit's own ham cancels (a copyright footer's) is no evidence, as it adds no points (sumPoints)
  if (model > 0) model = Math.max(0, model + against);
  return lex + (model >= STRONG_MODEL_POINTS || ((lex > 0 || corroborated) && model >= CORROBORATING_MODEL_POINTS) ? model : 0);
}

/** Does the unit carry commercial wording (which the article's topic never excuses)? */
export function hasCommercial(hits: RuleHit[], rules: CompiledRules): boolean {
  const ids = commercialRules(rules);
  return hits.some((h) => h.points > 0 && ids.has(h.rule));
}

/** A link list counts as the site's own when this share of its absolute links go to one domain. */
export const OWN_DOMAIN_SHARE = 0.3;
/** ... and at least this many links do. */
export const OWN_DOMAIN_MIN_LINKS = 3;

const domainCache = new Map<string, string | null>();
const DOMAIN_CACHE_MAX = 4096;
/**
 * The lower-cased host of an absolute or protocol-relative link, else null: what /^\s*(?:https?:)?\/\/([^/?#\s]+)/i
 * captures, read by a char scan (a regex and its match array per link of every page).
 */
export function hostKey(href: string): string | null {
  const from = hostStart(href);
  if (from < 0) return null;
  let to = from;
  while (to < href.length && !endsAuthority(href.charCodeAt(to))) to++;
  return to > from ? href.slice(from, to).toLowerCase() : null;
}
/** Registrable domain of an absolute link (tldts, public-suffix aware), null for relative links. */
export function linkDomain(href: string): string | null {
  const host = hostKey(href);
  if (!host) return null;
  let d = domainCache.get(host);
  if (d === undefined) {
    if (domainCache.size >= DOMAIN_CACHE_MAX) domainCache.clear();
    d = getDomain(`http://${host}/`) ?? null;
    domainCache.set(host, d);
  }
  return d;
}

/**
 * The site's own registrable domains: the one the page was fetched from, and the one most of its absolute links
 * point to (a page replayed from a WARC under another host still links its own sections).
 */
export function siteDomains(page: Page): Set<string> {
  const own = new Set<string>();
  const fetched = page.url ? linkDomain(page.url) : null;
  if (fetched) own.add(fetched);
  const counts = new Map<string, number>();
  let total = 0;
  for (const b of page.blocks) {
    if (b.region === 'hidden') continue;
    for (const l of b.links) {
      const d = linkDomain(l.href);
      if (!d) continue;
      total++;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [d, c] of counts) if (c > n) [best, n] = [d, c];
  if (best && n >= OWN_DOMAIN_MIN_LINKS && n >= OWN_DOMAIN_SHARE * total) own.add(best);
  return own;
}

/** Is the link to the site itself (relative, or to one of its own domains)? */
export function isOwnLink(l: Link, own: Set<string>): boolean {
  if (!l.offsite) return true;
  const d = linkDomain(l.href);
  return d !== null && own.has(d);
}

/** The block with its links' off-site flags set against the site's own domains. */
export function withOwnLinks(b: Block, own: Set<string>): Block {
  if (!b.links.some((l) => l.offsite)) return b;
  return { ...b, links: b.links.map((l) => (l.offsite && isOwnLink(l, own) ? { ...l, offsite: false } : l)) };
}

/** The site's own navigation: links only to itself, and mostly link text (a menu, a channel list). */
export function isNavigation(b: Block): boolean {
  return b.links.length > 0 && b.links.every((l) => !l.offsite) && b.linkChars >= b.text.length * 0.8;
}

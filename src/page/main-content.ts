// Main-content selection, Readability-style: score text blocks, propagate the scores to a few ancestor
// containers, pick the best container (plus qualifying siblings), then keep its visible text blocks,
// including short lines, except link lists and sub-containers named like chrome (comments, related, share ...).
import { NO_BUDGET, type Budget } from '../budget.js';
import { JUNK_TAGS, type ElInfo, type RawBlock } from './walk.js';

/** Blocks shorter than this (effective chars) do not vote for a container. */
export const MIN_SCORING_LEN = 25;
/** A CJK character counts as this many Latin characters when measuring text length. */
export const CJK_WEIGHT = 3;
/** Each full 100 effective chars adds a point, up to this many. */
export const MAX_LENGTH_POINTS = 6;
/** Containers with fewer text chars than this get a proportional share of their class weight. */
export const CLASS_WEIGHT_FULL_CHARS = 500;
/** How many ancestor levels receive a block's score. */
export const ANCESTOR_LEVELS = 5;
/** Blocks with more link text than this share are link lists (dropped unless sandwiched between paragraphs). */
export const MAX_LINK_DENSITY = 0.45;
/** Siblings of the top container are kept when they score at least this share of it (and at least MIN_SIBLING_SCORE). */
export const SIBLING_SCORE_SHARE = 0.2;
export const MIN_SIBLING_SCORE = 10;
/** A sibling paragraph longer than this with little link text joins the article. */
export const SIBLING_PARA_LEN = 80;
export const SIBLING_MAX_LINK_DENSITY = 0.25;
/**
 * Prose written straight into a wrapper of the article (the text of a <td> around the article's <font> whose <p>s a
 * broken page closed early) joins the article when it stands between two of the article's blocks and is at least
 * this long (effective chars) with little link text: it is a paragraph the tree put one level too high.
 */
export const ORPHAN_PARA_LEN = 80;
/**
 * An element named like chrome (sidebar, comments ...) only disqualifies its text when it holds less than this
 * share of the page's text; a larger one is a wrapper with an unlucky name ("container penci_sidebar").
 */
export const MAX_UNLIKELY_SHARE = 0.5;
/**
 * Furniture inside the article (a caption, a gallery, a share bar) is dropped by its name unless the container's
 * blocks under such names hold this share of its text and prose enough to be an article (RETRY_MIN_CHARS): that is
 * the article itself under unlucky names ("content carousel content", every section of a test report named
 * "testreport__section--ads"), where a login box of two form lines is still a box.
 */
export const MAX_JUNK_SHARE = 0.5;
/**
 * Names that never wrap the article, whatever their size (comment threads can outweigh the post). A name for the
 * place above the footer ("above-footer", "before-footer") names no footer: one such wrapper held a whole story. A
 * cookie-consent box holds the site's privacy policy, often longer than the story.
 */
const ALWAYS_CHROME = /comment|disqus|respond|replies|(?<!above-|before-)footer|related|recommend|consent|gdpr|modal|评论|相关/;
/** Short lines that are article furniture by their text: pagination, date/source/editor lines, print/close links. */
export const FURNITURE_MAX_LEN = 80;
const FURNITURE_TEXT = /^[\s\d\-:/.年月日时分]*(更新|发布|发表)|第\s*\d+\s*页|上一页|下一页|^(责任编辑|编辑|作者|记者|来源|出处|时间|发布时间|日期)\s*[:：]|打印本页|关闭窗口|返回顶部|分享到|^\s*[【\[]?\s*(打印|关闭|收藏|推荐给朋友|字号)/;
/** English furniture lines: citation/copyright notices, "advertisement", share/subscribe prompts. */
export const FURNITURE_EN_MAX_LEN = 300;
const FURNITURE_EN = /^(citation:|this document is subject to copyright|explore further|advertisement$|sponsored content$|share this (article|story)|sign up for|subscribe to (our|the)|click here to|follow us on|read more:|related:|more from |©|copyright ©)/i;
/**
 * A pointer to another story, in the languages of the shared pages: "Lea también: <headline>", "MIRA: <headline>",
 * "À lire aussi", "Zum Weiterlesen:", "Czytaj też:", or a box's heading alone ("Auch interessant", "Weitere Artikel").
 * A bare verb needs its colon ("Mira Sorvino" is a name). Lines up to READ_ALSO_MAX_LEN chars.
 */
export const READ_ALSO_MAX_LEN = 200;
const READ_ALSO =
  /^(?:(?:(?:lea|lee|vea|ve|mire|mira|leia|veja|lesen sie|lies|leggi|czytaj|zobacz|read|see)(?: (?:también|tambien|además|más|mas|também|mais|auch|anche|też|także|również|więcej|also))?|also read|puedes ver|te puede interesar|(?:à|a) (?:lire|voir) aussi|lire aussi|voir aussi|zum weiterlesen)\s*[:：]|(?:(?:à|a) (?:lire|voir) aussi|auch interessant|das könnte sie auch interessieren|schon gelesen|weitere artikel|neueste artikel|mehr zum thema|mehr aus (?:dem|der) \S+|you may also like|more stories)\s*[:：?!]?\s*$)/iu;
/**
 * A post's filing and provenance labels, in the languages of the shared pages: "Category : Press Releases", "Tags:",
 * "Kategorie: News", "Last Modified:", "Quelle: Landesregierung", "Źródło:", "opublikowano" (the Chinese ones are in
 * FURNITURE_TEXT). The label ends the line or takes a colon ("Tag der Abstimmung" is a German heading). Lines up to
 * META_LINE_MAX_LEN chars: a label and a short value, never a paragraph that starts so.
 */
export const META_LINE_MAX_LEN = 60;
const META_LINE =
  /^(?:categor(?:y|ies)|kategori(?:e|en|a)|catégories?|categor[ií]as?|tags?|tagged|schlagw(?:ö|o)rter?|release date|last (?:modified|updated)|updated|aktualisiert(?: am)?|veröffentlicht in|opublikowano|źródło|fuente|quellen?(?:angaben)?|source)\s*(?:[:：]|$)/iu;
/** Short link-ish lines at the very end of the article are a related-stories list, not the article. */
export const TAIL_LIST_MAX_LEN = 60;
export const TAIL_LIST_LINK_SHARE = 0.3;
/**
 * A page whose longest scoring block is shorter than this (effective chars) has no article paragraph: its text is
 * sections of short lines and blurbs, and the climb below applies.
 */
export const SECTIONS_MAX_PARA_CHARS = 200;
/**
 * The top container holds at least this share of the page's scoring text (blocks long enough to vote, not link
 * lists, not chrome); when it holds less, its ancestors are climbed until one does.
 */
export const TOP_MIN_PROSE_SHARE = 0.4;
/** When the article found holds fewer effective chars than this, scoring is retried with name filters off. */
export const RETRY_MIN_CHARS = 500;
/**
 * A lead paragraph (intro, chapo, standfirst, excerpt, teaser) often sits in its own element beside the container of
 * the story's body, above it: it is looked for this many levels above the chosen container, ... (trafilatura-eval,
 * must-keep snippets lost / must-drop kept: 281 / 340 without leads; 3 levels 261 / 340, 4 levels 256 / 341, 5 levels
 * 254 / 342. Scrapinghub's gold leaves standfirsts out: token F1 0.9712 -> 0.9709, three pages.)
 */
export const LEAD_LEVELS = 4;
/**
 * ... among at most this many blocks before the article's first block (a header of short date, author and share lines
 * can stand between: 8 blocks lost 217 snippets, 12 lose 216 with no must-drop snippet more), ...
 */
export const LEAD_SCAN_BLOCKS = 12;
/** ... and is a paragraph of at least this many effective chars (a sentence, not a kicker or a byline). */
export const LEAD_MIN_CHARS = 80;
/** A sentence's end: its stop before a space, a closing quote or the end of the text (not a dot inside a URL or a number). */
const SENTENCE_END = /[.!?。！？…](?=$|\s|["'”’»)])/u;
/**
 * Names of an article's lead paragraph, as whole tokens of a class or id, in the words of several languages and CMSs:
 * perex (Czech, Slovak), Vorspann and Einleitung (German), entradilla, bajada and sumario (Spanish), a deck or
 * sub-title (219 -> 217 snippets lost, no must-drop snippet more; one Scrapinghub page's gold leaves its deck out).
 */
const LEAD_NAME = /(?:^|[\s_-])(?:lead|lede|intro|chapo|chapeau|standfirst|excerpt|teaser|sapo|summary|abstract|perex|subtitle|sub-title|deck|dek|vorspann|einleitung|entradilla|bajada|sumario)(?:$|[\s_-])/i;

const PARA_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'dd', 'dt', 'figcaption', 'address', 'summary', 'legend', 'caption', 'th', 'font', 'span', 'b', 'strong', 'em', 'i', 'a']);
/**
 * Class/id names with their numbers and the hashes a CMS gives each component blanked (a run of 6+ hex digits holding
 * a digit): the sections of one article a CMS numbers ("c68514", "c83009") or hashes (AEM's "text-3aabaf8649",
 * "text-6cb7081e8d") match.
 */
/** Furniture tags whose text is a story's when it is most of the container's: a slideshow's captions. */
const CAPTION_TAGS = new Set(['figure', 'figcaption']);
/** Names (lower-cased, as the walk keeps them) of a paper's reference list or bibliography. */
const isReferencesName = (names: string): boolean => names !== '' && (names.includes('references') || names.includes('bibliograph'));
/** How many wrappers up a nameless top container is looked for by the name of the one that holds it alone. */
const SHAPE_WRAPPER_LEVELS = 2;
const HASH_RUN = /(?<![a-z0-9])(?=[a-f]*\d)[0-9a-f]{6,}(?![a-z0-9])/gi;
const numberless = (names: string): string => names.replace(HASH_RUN, '0').replace(/\d+/g, '0');

/** Sentence punctuation counted for a block's score: , ， 、 。 ； ; ！ ？ ! ? ： */
function punctCount(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f) k++;
    } else if (c === 0xff0c || c === 0x3001 || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0xff1a) k++;
  }
  return k;
}

/** Length with CJK characters (kana, Han, hangul, compatibility ideographs; by UTF-16 code unit) counted CJK_WEIGHT times. */
export function effectiveLength(s: string): number {
  let cjk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3040) continue;
    if (c <= 0x30ff || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
  }
  return s.length + cjk * (CJK_WEIGHT - 1);
}

/**
 * The effective chars of a block that is prose, long enough to vote for its container and no link list; 0 for any
 * other block. `len`: its effectiveLength, when the caller has it.
 */
export function proseChars(b: RawBlock, len = effectiveLength(b.text)): number {
  return len >= MIN_SCORING_LEN && b.linkChars <= MAX_LINK_DENSITY * b.text.length ? len : 0;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div': case 'article': case 'main': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

export interface MainResult {
  /** indexes into the raw block list, in document order */
  main: number[];
  /** element id of the chosen container (-1 when none) */
  top: number;
}

export function selectMain(els: ElInfo[], blocks: RawBlock[], excludeTexts: Set<string>, budget: Budget = NO_BUDGET): MainResult {
  const n = els.length;
  // subtree text and link chars (els are in preorder: children after parents)
  const text = new Float64Array(n);
  const links = new Float64Array(n);
  const score = new Float64Array(n);
  const scored = new Uint8Array(n);
  /** effective chars of the scoring blocks under each element */
  const prose = new Float64Array(n);
  for (const b of blocks) {
    if (b.hidden) continue;
    text[b.el] += b.text.length;
    links[b.el] += b.linkChars;
  }
  for (let i = n - 1; i > 0; i--) {
    const p = els[i].parent;
    text[p] += text[i];
    links[p] += links[i];
  }
  const total = text[0] || 1;
  /** nearest small chrome-named ancestor (at most `stop` levels above), -1 when none */
  const chromeMemo = new Int32Array(n).fill(-2);
  const chrome = (e: number): number => {
    const start = els[e].unlikelyAnc;
    if (start < 0) return -1;
    if (chromeMemo[start] !== -2) return chromeMemo[start];
    let found = -1;
    for (let u = start; u >= 0; u = els[u].parent > 0 ? els[els[u].parent].unlikelyAnc : -1) {
      if (text[u] < MAX_UNLIKELY_SHARE * total || ALWAYS_CHROME.test(els[u].names)) {
        found = u;
        break;
      }
    }
    chromeMemo[start] = found;
    return found;
  };
  // a plain array: === compares lengths first, a Set would hash every block's whole text
  const excluded = [...excludeTexts];
  /** Is the text one the caller excludes (the headline repeated in the body: an h1, a title cell)? */
  const isExcluded = (t: string): boolean => excluded.length > 0 && excluded.includes(t);
  /** Does x, an ancestor of a block inside container c (or -1), stand below c (between the block and c)? */
  const below = (x: number, c: number): boolean => x >= 0 && els[x].pre > els[c].pre;
  const effLen = new Float64Array(blocks.length).fill(-1);
  const elen = (bi: number): number => (effLen[bi] >= 0 ? effLen[bi] : (effLen[bi] = effectiveLength(blocks[bi].text)));
  const punctMemo = new Float64Array(blocks.length).fill(-1);
  const punct = (bi: number): number => (punctMemo[bi] >= 0 ? punctMemo[bi] : (punctMemo[bi] = punctCount(blocks[bi].text)));
  // inBody[e]: the element has a <body> above it (an <html> there is a document pasted into the page, not the page's
  // own); els are in preorder, so a parent's answer is known before its children's
  const inBody = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const p = els[i].parent;
    if (p > 0 && (inBody[p] === 1 || els[p].tag === 'body')) inBody[i] = 1;
  }
  // effective chars of the visible prose blocks under each element, whatever their names (holdsArticle); built on
  // first use, as most pages never ask
  let allProse: Float64Array | null = null;
  const proseUnder = (e: number): number => {
    if (!allProse) {
      allProse = new Float64Array(n);
      for (let bi = 0; bi < blocks.length; bi++) if (!blocks[bi].hidden) allProse[blocks[bi].el] += proseChars(blocks[bi], elen(bi));
      for (let i = n - 1; i > 0; i--) allProse[els[i].parent] += allProse[i];
    }
    return allProse[e];
  };
  /**
   * Does an element named like chrome or furniture inside container c hold the article itself (MAX_JUNK_SHARE of c's
   * text, prose enough to be an article)? A layout wrapper is named for what it lays out beside the article
   * ("socialicons-sticky" around a post's entry-content); a comment thread or a <figure> never holds the article.
   */
  const holdsArticle = (x: number, c: number): boolean =>
    !ALWAYS_CHROME.test(els[x].names) && !JUNK_TAGS.has(els[x].tag) && articleSized(text[x], proseUnder(x), c);
  /** Are `chars` of text with `prose` chars of prose the article of container c (MAX_JUNK_SHARE of its text, RETRY_MIN_CHARS)? */
  function articleSized(chars: number, prose: number, c: number): boolean {
    return chars >= MAX_JUNK_SHARE * text[c] && prose >= RETRY_MIN_CHARS;
  }
  // inRefs[e]: the element is a references list or inside one, built on first use
  let inRefs: Uint8Array | null = null;
  /**
   * The elements inside a reference list (REFERENCES_NAME): its citations are punctuated prose by the scoring's
   * measure and outvote a paper's abstract, but they are the paper's apparatus, not its text. They cast no vote for a
   * container; inside the chosen one they stay.
   */
  function inReferences(): Uint8Array {
    if (inRefs) return inRefs;
    inRefs = new Uint8Array(n);
    for (let i = 1; i < n; i++) inRefs[i] = inRefs[els[i].parent] === 1 || isReferencesName(els[i].names) ? 1 : 0;
    return inRefs;
  }
  const first = pick(true);
  if (first.main.length && first.chars >= RETRY_MIN_CHARS) return { main: withLead(first.main, first.top), top: first.top };
  const second = pick(false);
  const best = second.chars > first.chars ? second : first;
  if (best.main.length === 0) {
    // no block long enough to be prose anywhere (a portal's login and menu page): the page's visible text is all
    // the text it has, and nothing of it is the chrome around an article
    const all: number[] = [];
    for (let bi = 0; bi < blocks.length; bi++) if (!blocks[bi].hidden && !isExcluded(blocks[bi].text)) all.push(bi);
    return { main: all, top: -1 };
  }
  return { main: withLead(best.main, best.top), top: best.top };

  /**
   * The article's blocks with its lead paragraph put back before them: a prose block named like a lead (LEAD_NAME on
   * it or an element between it and the container's ancestor LEAD_LEVELS up) among the LEAD_SCAN_BLOCKS blocks before
   * the first one, inside that ancestor. The story's body container holds the paragraphs; its intro, in a sibling
   * element above it, is as much the story ("chapo" over "article_texte", "entry-excerpt" in the post's header).
   */
  function withLead(main: number[], top: number): number[] {
    if (main.length === 0 || top <= 0) return main;
    let anc = top;
    for (let k = 0; k < LEAD_LEVELS && els[anc].parent > 0 && els[els[anc].parent].tag !== 'body' && els[els[anc].parent].tag !== 'html'; k++) anc = els[anc].parent;
    const lead: number[] = [];
    for (let bi = main[0] - 1, seen = 0; bi >= 0 && seen < LEAD_SCAN_BLOCKS; bi--) {
      const b = blocks[bi];
      const e = els[b.el];
      if (e.pre < els[anc].pre || e.pre > els[anc].end) break;
      if (b.hidden) continue;
      seen++;
      if (b.heading || elen(bi) < LEAD_MIN_CHARS || !SENTENCE_END.test(b.text) || b.linkChars / b.text.length >= SIBLING_MAX_LINK_DENSITY) continue;
      if (isExcluded(b.text)) continue;
      // a photo's caption or credit in the intro's box, a share bar beside it: furniture, as inside the article
      if (below(e.junkAnc, anc) || below(chrome(b.el), anc)) continue;
      let named = false;
      for (let x = b.el; x !== anc && x > 0 && !named; x = els[x].parent) named = LEAD_NAME.test(els[x].names);
      if (named) lead.push(bi);
    }
    return lead.length ? [...lead.reverse(), ...main] : main;
  }

  function pick(useNames: boolean): { main: number[]; top: number; chars: number } {
  score.fill(0);
  scored.fill(0);
  prose.fill(0);
  let proseTotal = 0;
  let longest = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    budget.check('page:main');
    const b = blocks[bi];
    if (b.hidden) continue;
    if (useNames && (chrome(b.el) >= 0 || inReferences()[b.el] === 1)) continue;
    const len = elen(bi);
    if (len < MIN_SCORING_LEN) continue;
    const ld = b.linkChars / b.text.length;
    if (ld > MAX_LINK_DENSITY) continue;
    const s = (1 + punct(bi) + Math.min(Math.floor(len / 100), MAX_LENGTH_POINTS)) * (1 - ld);
    proseTotal += len;
    longest = Math.max(longest, len);
    prose[b.el] += len;
    let cur = PARA_TAGS.has(b.tag) ? els[b.el].parent : b.el;
    for (let level = 0; level < ANCESTOR_LEVELS && cur > 0; level++) {
      const e = els[cur];
      // the document's own <html> ends the climb; an <html> nested in the body (a whole document pasted into a post's
      // content) is just another wrapper of the article's text
      if (e.tag === 'head' || (e.tag === 'html' && inBody[cur] === 0)) break;
      if (!scored[cur]) {
        scored[cur] = 1;
        // name hints count in full only for containers holding real text (a "content title" div with a
        // byline must not beat the article)
        score[cur] = tagWeight(e.tag) + e.classWeight * Math.min(1, text[cur] / CLASS_WEIGHT_FULL_CHARS);
      }
      score[cur] += level === 0 ? s : level === 1 ? s / 2 : s / (level * 3);
      cur = e.parent;
    }
  }
  // each element's prose is its subtree's (els are in preorder: children after parents)
  for (let i = n - 1; i > 0; i--) prose[els[i].parent] += prose[i];
  let top = -1;
  let best = -Infinity;
  const final = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    if (!scored[i]) continue;
    const ld = text[i] > 0 ? links[i] / text[i] : 0;
    final[i] = score[i] * (1 - ld);
    if (final[i] > best) {
      best = final[i];
      top = i;
    }
  }
  if (top < 0) return { main: [], top: -1, chars: 0 };
  // a page of many small sections and no article paragraph (a landing page, a portal's front page) has no one
  // container that holds its prose: the best-scoring section holds a sliver of it, so the article is their common ancestor
  if (longest < SECTIONS_MAX_PARA_CHARS && prose[top] < TOP_MIN_PROSE_SHARE * proseTotal) {
    let cur = top;
    while (prose[cur] < TOP_MIN_PROSE_SHARE * proseTotal && els[cur].parent > 0 && els[els[cur].parent].tag !== 'html') cur = els[cur].parent;
    top = cur;
    best = final[top] > 0 ? final[top] : best;
  }

  // containers: the top one plus qualifying siblings
  const containers: number[] = [];
  const parent = els[top].parent;
  const threshold = Math.max(MIN_SIBLING_SCORE, best * SIBLING_SCORE_SHARE);
  const pe = els[parent];
  for (let i = pe.pre + 1; i <= pe.end && i < n; i++) {
    if (els[i].parent !== parent) continue;
    if (i === top) {
      containers.push(i);
      continue;
    }
    if (els[i].unlikely || els[i].hidden) continue;
    let bonus = 0;
    if (els[i].names && els[i].names === els[top].names) bonus = best * SIBLING_SCORE_SHARE;
    if (scored[i] && final[i] + bonus >= threshold) {
      containers.push(i);
      continue;
    }
    if (PARA_TAGS.has(els[i].tag) || els[i].tag === 'p') {
      const t = text[i];
      const ld = t > 0 ? links[i] / t : 1;
      if (t > SIBLING_PARA_LEN && ld < SIBLING_MAX_LINK_DENSITY) containers.push(i);
    }
  }

  // chunks of one article split by ads or by a CMS's content elements: elsewhere-placed containers named like the top
  // one, exactly or up to their numbers (TYPO3's <div id="c68514">, <div id="c83009"> for each section of one article)
  // owner[pre] = the container holding that element (containers never overlap), so membership is O(1)
  const owner = new Int32Array(n).fill(-1);
  const own = (c: number): void => {
    for (let p = els[c].pre, e = Math.min(els[c].end, n - 1); p <= e; p++) owner[p] = c;
  };
  for (const c of containers) own(c);
  // a nameless top is known by the named wrapper that holds it alone (National Geographic's <div class="paragraph">
  // around a bare <div> for each run of paragraphs)
  let shape = top;
  for (let k = 0; k < SHAPE_WRAPPER_LEVELS && !els[shape].names && els[shape].parent > 0 && text[els[shape].parent] === text[shape]; k++) shape = els[shape].parent;
  if (els[shape].names) {
    const topShape = numberless(els[shape].names);
    for (let i = 1; i < n; i++) {
      if (!scored[i] || i === top || i === shape || final[i] < threshold) continue;
      if (els[i].names !== els[shape].names && (els[i].tag !== els[shape].tag || numberless(els[i].names) !== topShape)) continue;
      budget.check('page:main');
      if (owner[els[i].pre] >= 0) continue;
      let holds = false;
      for (let p = els[i].pre + 1, e = Math.min(els[i].end, n - 1); p <= e && !holds; p++) holds = owner[p] >= 0;
      if (holds) continue;
      containers.push(i);
      own(i);
    }
  }
  const inside = (e: number): number => owner[els[e].pre];
  // the blocks inside a container and not under a chrome name in it; per container, the text and prose of those under
  // furniture names: when they are most of it, the names are unlucky (a test report's every section
  // "testreport__section--ads") and the furniture is the article. Furniture by its tag (an <aside>, a <nav>) is
  // furniture whatever its container holds, but for captions: a slideshow story is told in its photos' captions, and
  // when they are most of the container's text (as furniture names are above) they are its article.
  const held: number[] = [];
  const furniture = new Map<number, { chars: number; prose: number }>();
  const captions = new Map<number, { chars: number; prose: number }>();
  for (let bi = 0; bi < blocks.length; bi++) {
    budget.check('page:main');
    const b = blocks[bi];
    if (b.hidden) continue;
    const c = inside(b.el);
    if (c < 0) continue;
    const ua = chrome(b.el);
    if (below(ua, c) && !holdsArticle(ua, c)) continue;
    held.push(bi);
    const ja = els[b.el].junkAnc;
    if (!below(ja, c) || (JUNK_TAGS.has(els[ja].tag) && !CAPTION_TAGS.has(els[ja].tag))) continue;
    const tally = JUNK_TAGS.has(els[ja].tag) ? captions : furniture;
    let f = tally.get(c);
    if (!f) tally.set(c, (f = { chars: 0, prose: 0 }));
    f.chars += b.text.length;
    f.prose += proseChars(b, elen(bi));
  }
  const furnitureIsArticle = (c: number): boolean => {
    const f = furniture.get(c);
    return f !== undefined && articleSized(f.chars, f.prose, c);
  };
  const captionsAreArticle = (c: number): boolean => {
    const f = captions.get(c);
    return f !== undefined && articleSized(f.chars, f.prose, c);
  };
  const cand: number[] = [];
  for (const bi of held) {
    const b = blocks[bi];
    const c = inside(b.el);
    const ja = els[b.el].junkAnc;
    if (below(ja, c) && (JUNK_TAGS.has(els[ja].tag) ? !(CAPTION_TAGS.has(els[ja].tag) && captionsAreArticle(c)) : !(furnitureIsArticle(c) || holdsArticle(ja, c)))) continue;
    if (isExcluded(b.text)) continue;
    if (b.text.length <= FURNITURE_MAX_LEN && FURNITURE_TEXT.test(b.text)) continue;
    if (b.text.length <= FURNITURE_EN_MAX_LEN && FURNITURE_EN.test(b.text)) continue;
    if (b.text.length <= READ_ALSO_MAX_LEN && READ_ALSO.test(b.text)) continue;
    if (b.text.length <= META_LINE_MAX_LEN && META_LINE.test(b.text)) continue;
    cand.push(bi);
  }
  // drop link lists, but keep a lone link line sandwiched between two prose blocks
  const dense = (bi: number): boolean => blocks[bi].linkChars / blocks[bi].text.length > MAX_LINK_DENSITY;
  const main: number[] = [];
  for (let k = 0; k < cand.length; k++) {
    const bi = cand[k];
    if (dense(bi)) {
      const prev = k > 0 ? cand[k - 1] : -1;
      const next = k + 1 < cand.length ? cand[k + 1] : -1;
      if (prev < 0 || next < 0 || dense(prev) || dense(next)) continue;
    }
    main.push(bi);
  }
  adoptOrphans(main, cand, top);
  // trailing related-story lists ("·Headline (2005-04-27)", short link lines) after the last paragraph
  while (main.length > 1) {
    const b = blocks[main[main.length - 1]];
    const listy = b.text.length < TAIL_LIST_MAX_LEN && (b.linkChars / b.text.length >= TAIL_LIST_LINK_SHARE || /^[·•▪◆●■\-–]/.test(b.text));
    if (!listy) break;
    main.pop();
  }
  let chars = 0;
  for (const bi of main) chars += elen(bi);
  return { main, top, chars };
  }

  /**
   * Blocks whose element wraps the top container (its text sits beside the container, not in it) and that stand
   * between two of the article's blocks, long prose with little link text (ORPHAN_PARA_LEN): put back in order.
   */
  function adoptOrphans(main: number[], cand: number[], top: number): void {
    if (main.length < 2) return;
    const first = main[0];
    const last = main[main.length - 1];
    const taken = new Set(cand);
    const add: number[] = [];
    for (let bi = first + 1; bi < last; bi++) {
      if (taken.has(bi)) continue;
      const b = blocks[bi];
      const e = els[b.el];
      if (b.hidden || !(e.pre < els[top].pre && e.end >= els[top].end)) continue;
      if (elen(bi) < ORPHAN_PARA_LEN || punct(bi) === 0 || b.linkChars / b.text.length >= SIBLING_MAX_LINK_DENSITY) continue;
      if (isExcluded(b.text)) continue;
      add.push(bi);
    }
    if (add.length === 0) return;
    main.push(...add);
    main.sort((a, b) => a - b);
  }
}

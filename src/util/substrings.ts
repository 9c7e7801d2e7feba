// Which of a few fixed lists of substrings (and of whole tokens) occur in a short text, all lists in one pass over its
// chars. The page stage asks this of every new class/id string (a page brings ~100 the shared caches have not seen),
// where one alternation regex per list scanned each string five times over, a tenth of the walk's own time.

import { denseTrie, TRIE_ROOT } from './dense-trie.js';

/** Lists a SubstringSets can tell apart: one bit of the 32-bit answer each. */
export const MAX_SUBSTRING_LISTS = 31;

/** The token class of a separator char (tokenClassOf): the token read so far ends there. */
const SEPARATOR = 0xff;

/**
 * An Aho-Corasick automaton of the strings of up to MAX_SUBSTRING_LISTS lists, frozen into a dense transition table
 * over the lists' own chars (every other char is one class): scan() reads one table entry per char of the text.
 * Optional whole-token lists (tokenLists[i] sets bit i too): the text's tokens, cut at the `separator` chars, each
 * walked through a trie of the listed tokens in the same pass (one more table entry per char), so no token is looked
 * up on its own.
 */
export class SubstringSets {
  /** char code -> class (0: a char no listed string holds) */
  private readonly classOf = new Uint8Array(0x10000);
  private readonly classes: number;
  /** state * classes + class -> next state */
  private readonly next: Int32Array;
  /** state -> bits of the lists one of whose strings ends here (the failure chain's included) */
  private readonly out: Int32Array;
  /** char code -> token class (0: a char no listed token holds, SEPARATOR: a char that ends a token) */
  private readonly tokenClassOf = new Uint8Array(0x10000);
  private readonly tokenClasses: number;
  /** token state * tokenClasses + token class -> next token state */
  private readonly tokenNext: Int32Array;
  /** token state -> bits of the lists with the token that ends here */
  private readonly tokenOut: Int32Array;

  constructor(
    lists: readonly (readonly string[])[],
    tokenLists: readonly Iterable<string>[] = [],
    separator: (c: number) => boolean = () => false,
  ) {
    if (lists.length > MAX_SUBSTRING_LISTS || tokenLists.length > MAX_SUBSTRING_LISTS) throw new Error(`at most ${MAX_SUBSTRING_LISTS} lists`);
    let classes = 1;
    for (const list of lists) {
      for (const s of list) {
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (this.classOf[c] === 0) this.classOf[c] = classes++;
        }
      }
    }
    if (classes > 0xff) throw new Error('too many distinct chars in the lists');
    this.classes = classes;
    // the trie: goto edges by class, and the bits of the strings ending at each state
    const edges: Map<number, number>[] = [new Map()];
    const bits: number[] = [0];
    lists.forEach((list, li) => {
      for (const s of list) {
        if (s === '') throw new Error('an empty string would match every text');
        let st = 0;
        for (let i = 0; i < s.length; i++) {
          const k = this.classOf[s.charCodeAt(i)];
          let to = edges[st].get(k);
          if (to === undefined) {
            to = edges.length;
            edges.push(new Map());
            bits.push(0);
            edges[st].set(k, to);
          }
          st = to;
        }
        bits[st] |= 1 << li;
      }
    });
    // breadth first: each state's missing edges are its failure state's, its bits include the failure state's
    const next = new Int32Array(edges.length * classes);
    const out = Int32Array.from(bits);
    const fail = new Int32Array(edges.length);
    const queue: number[] = [];
    for (let k = 0; k < classes; k++) {
      const to = edges[0].get(k) ?? 0;
      next[k] = to;
      if (to !== 0) queue.push(to);
    }
    for (let q = 0; q < queue.length; q++) {
      const st = queue[q];
      out[st] |= out[fail[st]];
      for (let k = 0; k < classes; k++) {
        const to = edges[st].get(k);
        if (to === undefined) next[st * classes + k] = next[fail[st] * classes + k];
        else {
          fail[to] = next[fail[st] * classes + k];
          next[st * classes + k] = to;
          queue.push(to);
        }
      }
    }
    this.next = next;
    this.out = out;

    // the token trie: a dense table too; a char of no listed token leads to the dead state, which it never leaves
    const tokenClassOf = this.tokenClassOf;
    let tokenClasses = 1;
    for (const list of tokenLists) {
      for (const t of list) {
        if (t === '') throw new Error('an empty token is never read');
        for (let i = 0; i < t.length; i++) {
          const c = t.charCodeAt(i);
          if (separator(c)) throw new Error(`a token holds a separator: ${JSON.stringify(t)}`);
          if (tokenClassOf[c] === 0) tokenClassOf[c] = tokenClasses++;
        }
      }
    }
    if (tokenClasses >= SEPARATOR) throw new Error('too many distinct chars in the tokens');
    for (let c = 0; c < 0x10000; c++) if (separator(c)) tokenClassOf[c] = SEPARATOR;
    this.tokenClasses = tokenClasses;
    const tokens = tokenLists.flatMap((list, li) => [...list].map((t) => ({ t, bit: 1 << li })));
    const trie = denseTrie(
      tokens.map((x) => x.t),
      (c) => tokenClassOf[c],
      tokenClasses,
    );
    this.tokenNext = trie.next;
    this.tokenOut = new Int32Array(trie.states);
    tokens.forEach(({ bit }, i) => (this.tokenOut[trie.ends[i]] |= bit));
  }

  /** Bit i is set when some string of lists[i] occurs in s, or some token of s is one of tokenLists[i]. */
  scan(s: string): number {
    const { classOf, classes, next, out, tokenClassOf, tokenClasses, tokenNext, tokenOut } = this;
    let st = 0;
    let tok = TRIE_ROOT;
    let found = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      st = next[st * classes + classOf[c]];
      found |= out[st];
      const k = tokenClassOf[c];
      if (k === SEPARATOR) {
        found |= tokenOut[tok];
        tok = TRIE_ROOT;
      } else tok = tokenNext[tok * tokenClasses + k];
    }
    return found | tokenOut[tok];
  }
}

// Which of a few fixed lists of substrings occur in a short text, all lists in one pass over its chars. The page
// stage asks this of every new class/id string (a page brings ~100 the shared caches have not seen), where one
// alternation regex per list scanned each string five times over, a tenth of the walk's own time.

/** Lists a SubstringSets can tell apart: one bit of the 32-bit answer each. */
export const MAX_SUBSTRING_LISTS = 31;

/**
 * An Aho-Corasick automaton of the strings of up to MAX_SUBSTRING_LISTS lists, frozen into a dense transition table
 * over the lists' own chars (every other char is one class): scan() reads one table entry per char of the text.
 */
export class SubstringSets {
  /** char code -> class (0: a char no listed string holds) */
  private readonly classOf = new Uint8Array(0x10000);
  private readonly classes: number;
  /** state * classes + class -> next state */
  private readonly next: Int32Array;
  /** state -> bits of the lists one of whose strings ends here (the failure chain's included) */
  private readonly out: Int32Array;

  constructor(lists: readonly (readonly string[])[]) {
    if (lists.length > MAX_SUBSTRING_LISTS) throw new Error(`at most ${MAX_SUBSTRING_LISTS} lists`);
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
  }

  /** Bit i is set when some string of lists[i] occurs in s. */
  scan(s: string): number {
    const { classOf, classes, next, out } = this;
    let st = 0;
    let found = 0;
    for (let i = 0; i < s.length; i++) {
      st = next[st * classes + classOf[s.charCodeAt(i)]];
      found |= out[st];
    }
    return found;
  }
}

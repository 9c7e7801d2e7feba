// A trie of short keys frozen into a dense transition table, for the look-ups that read a text char by char
// (SliceMap, SubstringSets' whole tokens): one table entry per char, no string cut out.

/** The root state (no char read yet). */
export const TRIE_ROOT = 0;
/** The dead state: what has been read is no key's prefix; it leads only to itself. */
export const TRIE_DEAD = 1;

export interface DenseTrie {
  /** state * classes + char class -> the next state (TRIE_DEAD where no key goes on) */
  next: Int32Array;
  /** the state keys[i] ends in */
  ends: number[];
  /** how many states (for a caller's per-state table) */
  states: number;
}

/** keys as a trie over char classes (`classOf` gives each key char's class, 1..classes-1; class 0 leads nowhere). */
export function denseTrie(keys: readonly string[], classOf: (c: number) => number, classes: number): DenseTrie {
  const edges: number[][] = [[], []];
  const ends: number[] = [];
  for (const key of keys) {
    let st = TRIE_ROOT;
    for (let i = 0; i < key.length; i++) {
      const k = classOf(key.charCodeAt(i));
      let to = edges[st][k];
      if (to === undefined) {
        to = edges.length;
        edges.push([]);
        edges[st][k] = to;
      }
      st = to;
    }
    ends.push(st);
  }
  const next = new Int32Array(edges.length * classes).fill(TRIE_DEAD);
  edges.forEach((out, st) => out.forEach((to, k) => (next[st * classes + k] = to)));
  return { next, ends, states: edges.length };
}

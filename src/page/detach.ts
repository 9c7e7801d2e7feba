// Strings kept by module-level caches must not keep a page alive: in V8 a substring of 13+ characters (and
// toLowerCase()/trim() of one that needs no change) is a view into the whole page string, so a cached
// 20-character class name or token would retain a multi-megabyte page until the cache is cleared.

/** A flat copy of s that shares no storage with the string it was cut from. */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

// htmlparser2 keeps its open-element stack with Array.unshift, so parsing is quadratic in nesting depth
// (40k nested elements ~6 s). Before parsing, a linear tag scan drops open/close tags beyond MAX_NESTING
// levels; their text stays, only the (pathological) structure below that depth is flattened.

/** Nesting depth beyond which further element tags are dropped before parsing. */
export const MAX_NESTING = 2000;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
/** Tags the parser closes implicitly; they are not counted (long pages hold thousands of unclosed <p>/<li>). */
const IMPLIED = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'optgroup', 'rt', 'rp', 'thead', 'tbody', 'tfoot']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'noscript', 'iframe', 'noembed', 'noframes']);

export function limitNesting(html: string, max = MAX_NESTING): string {
  // cheap exit: only "<" + letter can open an element, so a page with at most `max` of them cannot be nested
  // deeper than the limit (a tag is dropped only after `max` counted openings)
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= max; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 97 && c <= 122) tags++;
  }
  if (tags <= max) return html;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>|<!--[\s\S]*?-->/g;
  let depth = 0;
  let dropped = 0;
  let out: string[] | undefined;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (!m[2]) continue; // comment
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (!closing && RAW_TEXT.has(name)) {
      // skip to the matching close tag of raw-text elements
      const endRe = new RegExp('</' + name, 'ig');
      endRe.lastIndex = re.lastIndex;
      const end = endRe.exec(html);
      if (end) re.lastIndex = end.index;
      continue;
    }
    if (VOID.has(name) || IMPLIED.has(name) || m[0].endsWith('/>')) continue;
    let drop = false;
    if (!closing) {
      if (depth >= max) {
        dropped++;
        drop = true;
      } else depth++;
    } else if (dropped > 0) {
      dropped--;
      drop = true;
    } else if (depth > 0) depth--;
    if (drop) {
      (out ??= []).push(html.slice(last, m.index));
      last = re.lastIndex;
    }
  }
  if (!out) return html;
  out.push(html.slice(last));
  return out.join('');
}

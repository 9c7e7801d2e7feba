// htmlparser2 keeps its open-element stack with Array.unshift/shift/indexOf, so parsing is quadratic in nesting
// depth (40k nested elements ~6 s). Before parsing, one linear scan replays what htmlparser2 (HTML mode) does
// with the page: its tokenizer states (tags with quoted attributes, comments, declarations, processing
// instructions, the raw-text elements script/style/title/textarea/xmp) and its stack rules (void elements,
// tags that close others implicitly such as <li> closing an open <li>, end tags popping to their match,
// self-closing only inside svg/math). Open tags that would take the parser's stack beyond MAX_NESTING are
// dropped, with the end tags that match them; their text stays, only the structure below that depth is flattened.
// Every step either advances through the page or pops an element pushed before, so the scan is linear in the
// page's length whatever its markup (unterminated comments, tags without '>', unclosed <script>).

/** Nesting depth beyond which further element tags are dropped before parsing (real pages stay below ~100). */
export const MAX_NESTING = 2000;

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const SECTION = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
/** htmlparser2's openImpliesClose: an open tag pops these elements while they are on top of the stack. */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['p', P], ['h1', P], ['h2', P], ['h3', P], ['h4', P], ['h5', P], ['h6', P],
  ['select', FORM], ['input', FORM], ['output', FORM], ['button', FORM], ['datalist', FORM], ['textarea', FORM],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', DDT], ['dt', DDT],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P] as [string, Set<string>]),
  ['rt', RTP], ['rp', RTP], ['tbody', SECTION], ['tfoot', SECTION],
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Elements whose content the tokenizer reads as raw text up to "</name" + whitespace or ">". */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
const isAlpha = (c: number) => ((c | 0x20) >= 97 && (c | 0x20) <= 122);

/** Index of the first "</name" followed by whitespace or ">" (ASCII case-insensitive) at or after i, else -1. */
function rawTextEnd(html: string, name: string, i: number): number {
  const n = html.length;
  for (let at = html.indexOf('</', i); at >= 0; at = html.indexOf('</', at + 2)) {
    let k = 0;
    while (k < name.length && at + 2 + k < n && (html.charCodeAt(at + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k === name.length && at + 2 + k < n) {
      const c = html.charCodeAt(at + 2 + k);
      if (c === 62 || isWs(c)) return at;
    }
  }
  return -1;
}

/** Index just past the ">" of a start tag whose name ends at i (quoted attribute values may hold ">"); n when none. */
function startTagEnd(html: string, i: number): { end: number; selfClosing: boolean } {
  const n = html.length;
  let selfClosing = false;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62) return { end: i + 1, selfClosing };
    if (c === 47) {
      selfClosing = true;
      i++;
      continue;
    }
    if (isWs(c)) {
      i++;
      continue;
    }
    selfClosing = false;
    // attribute name up to "=", whitespace, "/" or ">"
    while (i < n) {
      const d = html.charCodeAt(i);
      if (d === 61 || d === 47 || d === 62 || isWs(d)) break;
      i++;
    }
    while (i < n && isWs(html.charCodeAt(i))) i++;
    if (i >= n || html.charCodeAt(i) !== 61) continue;
    i++;
    while (i < n && isWs(html.charCodeAt(i))) i++;
    if (i >= n) break;
    const q = html.charCodeAt(i);
    if (q === 34 || q === 39) {
      const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
      i = close < 0 ? n : close + 1;
    } else {
      while (i < n) {
        const d = html.charCodeAt(i);
        if (d === 62 || isWs(d)) break;
        i++;
      }
    }
  }
  return { end: n, selfClosing: false };
}

export function limitNesting(html: string, max = MAX_NESTING): string {
  // cheap exit: only "<" + letter can open an element, so a page with at most `max` of them cannot be nested
  // deeper than the limit
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= max; i = html.indexOf('<', i + 1)) {
    if (isAlpha(html.charCodeAt(i + 1))) tags++;
  }
  if (tags <= max) return html;

  const n = html.length;
  const stack: string[] = []; // open elements, innermost last
  const onStack = new Map<string, number>(); // how many of each name are open: an unmatched end tag costs O(1)
  const foreign: boolean[] = []; // htmlparser2's foreignContext (svg/math), innermost last
  const dropped = new Map<string, number>(); // open tags dropped, per name, whose end tags are dropped too
  const out: string[] = [];
  let last = 0; // html[last..] not yet copied to out
  const pop = (): void => {
    const name = stack.pop()!;
    onStack.set(name, onStack.get(name)! - 1);
  };
  const drop = (from: number, to: number): void => {
    out.push(html.slice(last, from));
    last = to;
  };

  let i = html.indexOf('<');
  while (i >= 0 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    let next: number; // where scanning resumes
    if (c === 33) {
      // <!-- comment -->, <![CDATA[ ... ]]>, other <! declarations
      if (html.startsWith('--', i + 2)) {
        const e = html.indexOf('-->', i + 2);
        next = e < 0 ? n : e + 3;
      } else if (html.startsWith('[CDATA[', i + 2)) {
        const e = html.indexOf(']]>', i + 9);
        next = e < 0 ? n : e + 3;
      } else {
        const e = html.indexOf('>', i + 2);
        next = e < 0 ? n : e + 1;
      }
    } else if (c === 63) {
      const e = html.indexOf('>', i + 2);
      next = e < 0 ? n : e + 1;
    } else if (c === 47) {
      // end tag: "</" whitespace* name (up to whitespace or ">"), then anything up to ">"
      let j = i + 2;
      while (j < n && isWs(html.charCodeAt(j))) j++;
      if (j < n && html.charCodeAt(j) === 62) {
        next = j + 1;
      } else if (j < n && isAlpha(html.charCodeAt(j))) {
        const s = j;
        while (j < n && html.charCodeAt(j) !== 62 && !isWs(html.charCodeAt(j))) j++;
        const e = html.indexOf('>', j);
        next = e < 0 ? n : e + 1;
        if (j < n) endTag(html.slice(s, j).toLowerCase(), i, next);
      } else {
        const e = html.indexOf('>', j);
        next = e < 0 ? n : e + 1;
      }
    } else if (isAlpha(c)) {
      let j = i + 2;
      while (j < n) {
        const d = html.charCodeAt(j);
        if (d === 47 || d === 62 || isWs(d)) break;
        j++;
      }
      if (j >= n) break; // a tag name running to the end of the page opens nothing
      const name = html.slice(i + 1, j).toLowerCase();
      const t = startTag(name, i, j);
      next = t;
    } else {
      next = i + 1;
    }
    i = next >= n ? -1 : html.indexOf('<', next);
  }

  function endTag(name: string, from: number, to: number): void {
    const d = dropped.get(name);
    if (d) {
      dropped.set(name, d - 1);
      drop(from, to);
      return;
    }
    if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
    if (VOID.has(name) || !onStack.get(name)) return;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      pop();
      if (top === name) break;
    }
  }

  /** Handle a start tag whose name spans (from+1, nameEnd); returns where scanning resumes. */
  function startTag(name: string, from: number, nameEnd: number): number {
    const { end, selfClosing } = startTagEnd(html, nameEnd);
    const implied = IMPLIES_CLOSE.get(name);
    let closes = 0;
    if (implied) while (closes < stack.length && implied.has(stack[stack.length - 1 - closes])) closes++;
    const isVoid = VOID.has(name);
    const raw = RAW_TEXT.has(name) && !selfClosing;
    // a raw-text element holds no elements, so keeping it adds one level at most
    if (!isVoid && !raw && stack.length - closes >= max) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      drop(from, end);
      return end;
    }
    for (let k = 0; k < closes; k++) pop();
    if (!isVoid) {
      stack.push(name);
      onStack.set(name, (onStack.get(name) ?? 0) + 1);
      if (FOREIGN.has(name)) foreign.push(true);
      else if (INTEGRATION.has(name)) foreign.push(false);
    }
    if (selfClosing) {
      // self-closing counts only in svg/math; in HTML "<div/>" opens a <div> (and "<script/>" is not raw text)
      if (foreign.length > 0 && foreign[foreign.length - 1] && stack[stack.length - 1] === name) pop();
      return end;
    }
    return raw ? skipRawText(name, end) : end;
  }

  /** Skip a raw-text element's content; its end tag is handled as an end tag. */
  function skipRawText(name: string, from: number): number {
    const e = rawTextEnd(html, name, from);
    return e < 0 ? n : e;
  }

  if (out.length === 0) return html;
  out.push(html.slice(last));
  return out.join('');
}

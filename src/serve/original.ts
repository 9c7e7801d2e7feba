// The "original page" view: a copy of the stored HTML in which nothing can open a network connection. The page
// is parsed with parse5 (the HTML standard's algorithm, so the browser sees the same tree we cleaned), then:
// elements that load or embed something are replaced by a placeholder, every attribute outside a short
// allow-list is dropped (so src, srcset, href, action, poster, background, ping, xlink:href, on* … all go),
// link targets survive only as hover text, and CSS keeps no url(), image-set() or @import. The result is still
// shown in a sandboxed frame under a CSP that allows no request at all: three layers, any one of which suffices.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements dropped with their content: they run code, fetch, or change how the document is fetched. */
const DROP = new Set(['script', 'noscript', 'base', 'link', 'meta', 'template', 'slot', 'portal', 'fencedframe', 'applet', 'param']);
/** Elements that embed another resource: replaced by a visible placeholder naming what was there. */
const EMBED = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'audio', 'video', 'source', 'track', 'picture']);
/** Attributes that cannot make the browser fetch anything (values are kept as text). */
const SAFE_ATTRS = new Set([
  'class', 'id', 'title', 'alt', 'lang', 'dir', 'width', 'height', 'colspan', 'rowspan', 'align', 'valign',
  'hidden', 'role', 'name', 'type', 'value', 'checked', 'selected', 'disabled', 'readonly', 'placeholder',
  'cellpadding', 'cellspacing', 'border', 'span', 'start', 'reversed', 'open', 'datetime', 'abbr', 'scope',
  'headers', 'color', 'face', 'size', 'bgcolor', 'nowrap', 'label', 'rows', 'cols', 'maxlength', 'tabindex',
  // SVG geometry and paint (no references)
  'viewbox', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'points', 'fill', 'stroke',
  'stroke-width', 'transform', 'opacity', 'xmlns', 'preserveaspectratio',
]);
/** Attributes holding a link target: kept only as hover text so a moderator still sees where links went. */
const LINK_ATTRS = new Set(['href', 'xlink:href', 'action', 'formaction']);

/** CSS with every fetching construct made invalid (the declaration or rule is then ignored by the browser). */
export function neutraliseCss(css: string): string {
  // CSS escapes (\75 rl, \@import) could spell the constructs below in a form no regex sees: such styles go
  if (css.includes('\\')) return '/* removed: escaped CSS */';
  return css
    .replace(/@import\b[^;]*;?/gi, '/* import rule removed */')
    .replace(/\burl\s*\(/gi, 'nourl(')
    .replace(/\b(-webkit-)?image-set\s*\(/gi, 'noimageset(')
    .replace(/\bsrc\s*:/gi, 'nosrc:')
    .replace(/expression\s*\(/gi, 'noexpression(');
}

function placeholder($: CheerioAPI, el: Element): string {
  const target = el.attribs.src ?? el.attribs.data ?? el.attribs.href ?? '';
  let host = '';
  try {
    host = target ? new URL(target, 'http://invalid.invalid/').host : '';
  } catch {
    host = '';
  }
  const label = `[${el.tagName}${host && host !== 'invalid.invalid' ? ` from ${host}` : ''} removed]`;
  return $('<span class="winnow-removed"></span>').text(label).toString();
}

function cleanAttrs(el: Element): void {
  const link: string[] = [];
  for (const [name, value] of Object.entries(el.attribs)) {
    const n = name.toLowerCase();
    if (LINK_ATTRS.has(n)) {
      if (value && !/^\s*(javascript|data|vbscript):/i.test(value)) link.push(value.trim().slice(0, 300));
      delete el.attribs[name];
    } else if (n === 'style') {
      el.attribs[name] = neutraliseCss(value);
    } else if (n === 'src' && el.tagName === 'img' && /^data:image\/(png|gif|jpeg|webp);/i.test(value)) {
      // inline images need no connection
    } else if (!SAFE_ATTRS.has(n) && !n.startsWith('aria-') && !n.startsWith('data-')) {
      delete el.attribs[name];
    } else if (n.startsWith('data-') && n.length > 64) {
      delete el.attribs[name];
    }
  }
  if (link.length) {
    el.attribs['data-winnow-href'] = link[0];
    el.attribs.title = `→ ${link[0]}${el.attribs.title ? ` · ${el.attribs.title}` : ''}`;
  }
}

/** A copy of html that a browser can render without opening any connection (see the module comment). */
export function neutraliseHtml(html: string): string {
  const $ = load(html, { scriptingEnabled: false });
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'comment') {
        $(node).remove();
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (DROP.has(tag)) {
        $(el).remove();
        continue;
      }
      if (EMBED.has(tag)) {
        $(el).replaceWith(placeholder($, el));
        continue;
      }
      if (tag === 'style') {
        const css = $(el).text();
        $(el).text(neutraliseCss(css));
        cleanAttrs(el);
        continue;
      }
      cleanAttrs(el);
      walk([...el.children]);
    }
  };
  walk([...$.root()[0].children]);
  const head = $('head');
  const note = '<meta charset="utf-8"><style>.winnow-removed{display:inline-block;font:12px sans-serif;color:#555;background:#eee;border:1px dashed #999;padding:1px 4px}</style>';
  if (head.length) head.prepend(note);
  else $.root().prepend(note);
  return $.html();
}

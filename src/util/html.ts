// HTML escaping: the one escaper for text and attribute values (quotes included, so it is safe in both).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL_RE = /[&<>"']/g;

/** Escape a value for HTML text or a quoted attribute; null and undefined become ''. */
export function escapeHtml(s: string | number | null | undefined): string {
  const t = String(s ?? '');
  return SPECIAL_RE.test(t) ? t.replace(SPECIAL_RE, (c) => ENTITIES[c]) : t;
}

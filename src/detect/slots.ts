// Name slots of bylines and datelines (来源：<name>, 记者<name>, By <name>, <outlet>12月9日电): where a spam network puts
// a brand in place of a publication, an author or an outlet. The slot says where the name stands and where it ends,
// so the brand is cut there and the byline's label and its other fields stay.
import type { Span } from '../text/types.js';

/**
 * The labels of a byline or dateline whose slot holds a name (a publication, an author, a reporter): a spam brand in
 * it stands where a name belongs. An English label only where a line starts ("By <name>"): inside a sentence "by" is
 * a preposition ("fined by <casino>, the regulator said").
 */
const NAME_SLOT_RE = /(?:(?:来源|来自|作者|记者|编辑|责任编辑|责编|通讯员|出品|主办|稿源)|(?:^|[\n|·•])\s*(?:source|by|author|reporter|editor|written by|posted by))\s*[:：]?\s*$/iu;
/** How far before a match the slot's label is looked for. */
export const NAME_SLOT_LOOK_CHARS = 24;

/** A dateline's tail after its outlet or place: a date and 电 or 讯 (新华社巴黎12月9日电, 长江网10月4日讯). */
const DATELINE_TAIL_RE = /^\s*[\u4e00-\u9fa5]{0,4}?\d{1,2}月\d{1,2}日\s*[电讯]|^\s*(?:快讯|讯)/u;

/**
 * Does text[at, end) stand in a byline's or dateline's name slot: right after 来源：, 记者, By, Author:, or before a
 * dateline's date and 电 or 讯?
 */
export function inNameSlot(text: string, at: number, end = -1): boolean {
  if (labelBefore(text, at)) return true;
  return end >= 0 && DATELINE_TAIL_RE.test(text.slice(end, end + NAME_SLOT_LOOK_CHARS));
}

/** Does a slot's label (来源：, 记者, By) end right at `at`? */
const labelBefore = (text: string, at: number): boolean => at > 0 && NAME_SLOT_RE.test(text.slice(Math.max(0, at - NAME_SLOT_LOOK_CHARS), at));

/** What ends a name in its slot: a space, a separator, a comma, a bracket ("永利娱乐城·澎湃号", "来源：<brand> 作者：…"). */
const SLOT_END_RE = /[\s·•|｜/，,；;（(【\[）)】\]]/u;

/** Where a dateline's date starts in the text after its outlet ("场12月9日电" -> 1). */
const DATE_START_RE = /\d{1,2}月\d{1,2}日\s*[电讯]/u;

/**
 * The extent [start, end) of the name that a rule match at `at` starts in a labelled slot (来源：<name>, By <name>):
 * from the match to the first separator after `end`. null when no slot's label stands right before the match.
 */
export function labelledName(text: string, at: number, end: number): Span | null {
  if (!labelBefore(text, at)) return null;
  const k = text.slice(end).search(SLOT_END_RE);
  return { start: at, end: k < 0 ? text.length : end + k };
}

/**
 * Each span cut to the name slot its rule matches stand in: a span that starts before a match right after a slot's
 * label starts at the match (the label "来源：" is the byline's own) and ends at the first separator after its last
 * match; a span that runs past its last match into a dateline's date ends where the date starts. `anchors` are the
 * rule matches, offsets into `text`.
 */
export function withSlotEdges(text: string, spans: Span[], anchors: Span[]): Span[] {
  return spans.map((sp) => {
    const inside = anchors.filter((a) => a.start >= sp.start && a.end <= sp.end).sort((x, y) => x.start - y.start);
    if (inside.length === 0) return sp;
    const last = inside.reduce((x, a) => (a.end > x.end ? a : x));
    let { start, end } = sp;
    // the first match right after a label ("记者" before 金沙娱乐场, though a brand rule's match starts at 记者)
    let name: Span | null = null;
    for (const a of inside) if ((name = labelledName(text, a.start, Math.max(a.end, last.end)))) break;
    if (name) {
      start = Math.max(start, name.start);
      end = Math.min(end, name.end);
    } else if (end > last.end && DATELINE_TAIL_RE.test(text.slice(last.end, last.end + NAME_SLOT_LOOK_CHARS))) {
      const d = DATE_START_RE.exec(text.slice(last.end, last.end + NAME_SLOT_LOOK_CHARS));
      if (d && last.end + d.index < end) end = last.end + d.index;
    }
    return start === sp.start && end === sp.end ? sp : { start, end };
  });
}

/**
 * Does every match (offsets into `text`) overlap the name of a labelled slot that one of them starts? (A brand rule's
 * match may take in the label before the name: "记者金沙娱乐场".)
 */
export function inLabelledNames(text: string, matches: Span[]): boolean {
  if (matches.length === 0) return false;
  const names = matches.map((m) => labelledName(text, m.start, m.end)).filter((n): n is Span => n !== null);
  return names.length > 0 && matches.every((m) => names.some((n) => m.start < n.end && m.end > n.start));
}

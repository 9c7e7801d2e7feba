// Inline SVG charts for the HTML report: plain shapes and text, no scripts, no external fonts or assets, so a
// researcher can save a chart and put it in a paper. Every chart has one unit on its value axis, named in the
// axis title; category labels sit beside horizontal bars (they never overlap); day labels are thinned out.
import { escapeHtml as esc } from '../util/html.js';

/** Chart geometry (px). */
const BAR_HEIGHT = 18;
const BAR_GAP = 6;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 170;
const CHART_WIDTH = 760;
const LINE_HEIGHT = 260;
const PAD = 44;
/** Most day labels under a line chart (about 80 px each at this width). */
const MAX_X_LABELS = 8;
const FONT = 'font-family="Helvetica, Arial, \'Noto Sans CJK SC\', sans-serif" font-size="12"';
export const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];


function clip(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;
}

export interface Bar {
  label: string;
  value: number;
  /** interval drawn as a whisker (same unit as value) */
  low?: number;
  high?: number;
  /** text after the bar (default: the value) */
  note?: string;
}

/** A 1/2/5 x 10^k step at or above raw, so axis ticks are round numbers. */
function niceStep(raw: number): number {
  if (raw <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const k = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return k * p;
}

/** A value axis from 0: round steps, ending at the first step above the data, never beyond `cap` (100 for %). */
function axis0(dataMax: number, cap = Infinity): { step: number; max: number } {
  const top = Math.min(cap, dataMax) || 1;
  // an axis without a cap counts things (pages, findings): whole-number ticks
  let step = cap === Infinity ? Math.max(1, niceStep(top / 4)) : niceStep(top / 4);
  let max = Math.max(step, Math.ceil(top / step) * step);
  if (max > cap) {
    max = cap;
    step = niceStep(cap / 4);
  }
  return { step, max };
}

function frame(title: string, w: number, h: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}" ${FONT}>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${w / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>` +
    body +
    `</svg>`
  );
}

/**
 * Horizontal bars (largest first as given) on one value axis titled `unit`; `max` caps the axis (100 for
 * percentages). Whiskers show intervals when bars carry low/high.
 */
export function barChart(title: string, unit: string, rows: Bar[], opts: { color?: string; max?: number } = {}): string {
  const plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const top = PAD;
  const h = top + rows.length * (BAR_HEIGHT + BAR_GAP) + 34;
  if (rows.length === 0) return frame(title, CHART_WIDTH, 80, `<text x="${CHART_WIDTH / 2}" y="52" text-anchor="middle">no data</text>`);
  const dataMax = Math.max(...rows.map((r) => Math.max(r.value, r.high ?? 0)));
  const { step, max } = axis0(dataMax, opts.max);
  const x = (v: number) => LABEL_WIDTH + (Math.min(v, max) / max) * plot;
  const bottom = top + rows.length * (BAR_HEIGHT + BAR_GAP);
  let axis = `<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + plot}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`;
  for (let v = 0; v <= max + step / 2; v += step) {
    const t = Math.round(v * 1000) / 1000;
    axis += `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 4}" y2="${bottom}" stroke="#eee"/>` +
      `<text x="${x(t).toFixed(1)}" y="${bottom + 14}" text-anchor="middle">${t}</text>`;
  }
  axis += `<text x="${LABEL_WIDTH + plot / 2}" y="${bottom + 29}" text-anchor="middle" fill="#555">${esc(unit)}</text>`;
  const bars = rows
    .map((r, i) => {
      const y = top + i * (BAR_HEIGHT + BAR_GAP);
      const w = Math.max(r.value > 0 ? 1 : 0, x(r.value) - LABEL_WIDTH);
      const whisker =
        r.low !== undefined && r.high !== undefined
          ? `<line x1="${x(r.low).toFixed(1)}" x2="${x(r.high).toFixed(1)}" y1="${y + BAR_HEIGHT / 2}" y2="${y + BAR_HEIGHT / 2}" stroke="#222"/>` +
            `<line x1="${x(r.low).toFixed(1)}" x2="${x(r.low).toFixed(1)}" y1="${y + 4}" y2="${y + BAR_HEIGHT - 4}" stroke="#222"/>` +
            `<line x1="${x(r.high).toFixed(1)}" x2="${x(r.high).toFixed(1)}" y1="${y + 4}" y2="${y + BAR_HEIGHT - 4}" stroke="#222"/>`
          : '';
      return (
        `<text x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT - 5}" text-anchor="end">${esc(clip(r.label, 34))}<title>${esc(r.label)}</title></text>` +
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="${opts.color ?? PALETTE[0]}" opacity="0.85"><title>${esc(r.label)}: ${esc(r.note ?? String(r.value))}</title></rect>` +
        whisker +
        `<text x="${LABEL_WIDTH + plot + 6}" y="${y + BAR_HEIGHT - 5}">${esc(r.note ?? String(r.value))}</text>`
      );
    })
    .join('');
  return frame(title, CHART_WIDTH, h, axis + bars);
}

/**
 * One series over ordered days on one value axis titled `unit`, with an optional interval band; at most
 * MAX_X_LABELS day labels so they never overlap.
 */
export function lineChart(title: string, unit: string, xs: string[], values: number[], opts: { low?: number[]; high?: number[]; max?: number; color?: string } = {}): string {
  const w = CHART_WIDTH;
  const h = LINE_HEIGHT;
  const left = PAD + 30;
  /** room for half of the last day label */
  const right = w - 45;
  const top = PAD;
  const bottom = h - PAD;
  if (xs.length === 0) return frame(title, w, 80, `<text x="${w / 2}" y="52" text-anchor="middle">no data</text>`);
  const dataMax = Math.max(0, ...values, ...(opts.high ?? []));
  const { step, max } = axis0(dataMax, opts.max);
  const x = (i: number) => (xs.length <= 1 ? (left + right) / 2 : left + (i * (right - left)) / (xs.length - 1));
  const y = (v: number) => bottom - (Math.min(v, max) / max) * (bottom - top);
  const color = opts.color ?? PALETTE[0];
  let grid = '';
  for (let v = 0; v <= max + step / 2; v += step) {
    const t = Math.round(v * 1000) / 1000;
    grid += `<line x1="${left}" x2="${right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#eee"/><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t}</text>`;
  }
  grid += `<text transform="translate(14 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#555">${esc(unit)}</text>`;
  const every = Math.max(1, Math.ceil(xs.length / MAX_X_LABELS));
  const xlabels = xs
    .map((d, i) => (i === xs.length - 1 || (i % every === 0 && xs.length - 1 - i >= every) ? `<text x="${x(i).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${esc(d)}</text>` : ''))
    .join('');
  const band =
    opts.low && opts.high && xs.length > 1
      ? `<polygon fill="${color}" opacity="0.15" points="${[...opts.high.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`), ...opts.low.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).reverse()].join(' ')}"/>`
      : '';
  const pts = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const dots = values.map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${color}"><title>${esc(xs[i])}: ${v}</title></circle>`).join('');
  return frame(title, w, h, grid + `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#333"/>` + xlabels + band + `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts}"/>` + dots);
}

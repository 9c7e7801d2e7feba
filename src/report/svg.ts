// Inline SVG charts for the HTML report: plain shapes and text, no scripts, no external fonts or assets, so a
// researcher can save a chart and put it in a paper.

/** Chart geometry (px). */
const BAR_HEIGHT = 18;
const BAR_GAP = 6;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 70;
const CHART_WIDTH = 720;
const LINE_HEIGHT = 260;
const PAD = 40;
const FONT = 'font-family="Helvetica, Arial, \'Noto Sans CJK SC\', sans-serif" font-size="12"';
export const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;
}

/** Horizontal bar chart of label/value pairs (largest first as given). */
export function barChart(title: string, rows: Array<{ label: string; value: number }>, opts: { color?: string } = {}): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const h = PAD + rows.length * (BAR_HEIGHT + BAR_GAP) + 10;
  const bars = rows
    .map((r, i) => {
      const y = PAD + i * (BAR_HEIGHT + BAR_GAP);
      const w = Math.max(r.value > 0 ? 1 : 0, Math.round((r.value / max) * plot));
      return (
        `<text x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT - 5}" text-anchor="end">${esc(clip(r.label, 34))}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${opts.color ?? PALETTE[0]}"><title>${esc(r.label)}: ${r.value}</title></rect>` +
        `<text x="${LABEL_WIDTH + w + 4}" y="${y + BAR_HEIGHT - 5}">${r.value}</text>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${h}" viewBox="0 0 ${CHART_WIDTH} ${h}" role="img" aria-label="${esc(title)}" ${FONT}>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${CHART_WIDTH / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>` +
    (rows.length ? bars : `<text x="${CHART_WIDTH / 2}" y="${PAD + 10}" text-anchor="middle">no data</text>`) +
    `</svg>`
  );
}

/** A 1/2/5 x 10^k step at or above raw, so axis ticks are round numbers. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const k = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return Math.max(1, k * p);
}

/** Line chart over ordered x labels (days) with one or more series. */
export function lineChart(title: string, xs: string[], series: Array<{ name: string; values: number[] }>): string {
  const w = CHART_WIDTH;
  const h = LINE_HEIGHT;
  const left = PAD + 10;
  const right = w - 45;
  const top = PAD;
  const bottom = h - PAD;
  const step = niceStep(Math.max(1, ...series.flatMap((s) => s.values)) / 4);
  const max = Math.ceil(Math.max(1, ...series.flatMap((s) => s.values)) / step) * step;
  const x = (i: number) => (xs.length <= 1 ? (left + right) / 2 : left + (i * (right - left)) / (xs.length - 1));
  const y = (v: number) => bottom - (v / max) * (bottom - top);
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1000) / 1000);
  const grid = ticks
    .map((v) => `<line x1="${left}" x2="${right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/><text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`)
    .join('');
  const every = Math.max(1, Math.ceil(xs.length / 8));
  const xlabels = xs
    .map((d, i) => (i % every === 0 || i === xs.length - 1 ? `<text x="${x(i).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${esc(d)}</text>` : ''))
    .join('');
  const lines = series
    .map((s, k) => {
      const color = PALETTE[k % PALETTE.length];
      const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const dots = s.values.map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${color}"><title>${esc(xs[i])} ${esc(s.name)}: ${v}</title></circle>`).join('');
      return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts}"/>${dots}`;
    })
    .join('');
  const legend = series
    .map((s, k) => `<rect x="${left + k * 170}" y="${h - 14}" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/><text x="${left + k * 170 + 14}" y="${h - 5}">${esc(s.name)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}" ${FONT}>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${w / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>` +
    grid +
    `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#333"/>` +
    xlabels +
    (xs.length ? lines : `<text x="${w / 2}" y="${h / 2}" text-anchor="middle">no data</text>`) +
    legend +
    `</svg>`
  );
}

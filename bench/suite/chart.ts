// bench/results/<date>.svg: one bar per KernelScript figure, its speed relative to the row's
// reference peer (copy ceiling, CUB, cuBLAS, PyTorch, NumPy), on a log scale centred on parity, so
// that 0.9× and 140× slower both stay readable: bars right of 1× are faster than the peer, left slower.
import { fmtRatio } from './markdown.js';
import { ROW_TITLES, type BenchReport, type Ratio } from './types.js';

const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Labels longer than the label column are cut (about 6.5 px a character at 12 px). */
const clip = (s: string, max = 48): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const LABEL_W = 330;
const PLOT_W = 440;
const BAR_H = 16;
const STEP = 22;
const TOP = 56;

export function chart(r: BenchReport): string {
  const bars = r.ratios.filter((x) => x.reference);
  const groups = new Map<string, Ratio[]>();
  for (const b of bars) {
    const key = `${ROW_TITLES[b.row]}, ${b.size}: ÷ ${b.peer} (${b.peerBackend})`;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  // Decades shown each side of parity: enough for the farthest bar.
  const decades = Math.max(1, ...bars.map((b) => Math.ceil(Math.abs(Math.log10(b.speed)) - 1e-9)));
  const mid = LABEL_W + PLOT_W / 2;
  const xOf = (v: number): number => mid + (Math.log10(v) / decades) * (PLOT_W / 2);
  const width = LABEL_W + PLOT_W + 90;
  const parts: string[] = [];
  let y = TOP;
  for (const [title, list] of groups) {
    parts.push(`<text x="8" y="${y + 12}" font-weight="bold">${esc(title)}</text>`);
    y += STEP;
    for (const b of list) {
      const x1 = xOf(b.speed);
      const [left, w] = x1 >= mid ? [mid, x1 - mid] : [x1, mid - x1];
      const fill = b.speed >= 1 ? '#3a8f4f' : '#d0782e';
      parts.push(
        `<text x="${LABEL_W - 8}" y="${y + 12}" text-anchor="end">${esc(clip(`${b.impl} (${b.backend})`))}</text>`,
        `<rect x="${left.toFixed(1)}" y="${y}" width="${Math.max(w, 1).toFixed(1)}" height="${BAR_H}" fill="${fill}"/>`,
        `<text x="${(Math.max(x1, mid) + 4).toFixed(1)}" y="${y + 12}">${esc(fmtRatio(b.speed))}</text>`,
      );
      y += STEP;
    }
  }
  if (bars.length === 0) {
    parts.push(`<text x="${mid}" y="${y + 12}" text-anchor="middle">no peer figure to compare with in this run</text>`);
    y += STEP;
  }
  const axisY = y + 6;
  const ticks: string[] = [];
  for (let d = -decades; d <= decades; d++) {
    const x = xOf(10 ** d).toFixed(1);
    ticks.push(
      `<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${axisY}" stroke="${d === 0 ? '#333' : '#ccc'}" stroke-width="${d === 0 ? 1.5 : 1}"/>`,
      `<text x="${x}" y="${axisY + 16}" text-anchor="middle">${d < 0 ? (10 ** d).toFixed(-d) : 10 ** d}×</text>`,
    );
  }
  const height = axisY + 44;
  const heading = `KernelScript speed relative to each row's reference peer, ${r.date}${r.quick ? ' (quick sizes)' : ''}`;
  const sub = 'peer time ÷ KernelScript time, log scale; right of 1×: KernelScript faster';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${esc(heading)}</text>`,
    `<text x="8" y="38" fill="#555">${esc(sub)}</text>`,
    ...ticks,
    ...parts,
    `<text x="8" y="${height - 8}" fill="#555">${esc(`commit ${r.commit.slice(0, 12)}`)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

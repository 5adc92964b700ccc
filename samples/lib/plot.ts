// A line plot of a loss curve as a self-contained SVG (no dependencies).

export interface PlotOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `ys[i]` is plotted at x = i + 1 (epochs count from 1). */
export function lineChartSvg(ys: number[], o: PlotOptions): string {
  const width = o.width ?? 640;
  const height = o.height ?? 400;
  const m = { left: 64, right: 20, top: 40, bottom: 50 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const lo = Math.min(0, ...ys);
  const hi = Math.max(...ys, lo + 1e-9);
  const n = Math.max(ys.length, 2);
  const sx = (i: number): number => m.left + (pw * i) / (n - 1);
  const sy = (v: number): number => m.top + ph * (1 - (v - lo) / (hi - lo));
  const points = ys.map((v, i) => `${sx(i).toFixed(1)},${sy(v).toFixed(1)}`).join(' ');
  const ticks: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const v = lo + ((hi - lo) * t) / 4;
    const y = sy(v).toFixed(1);
    ticks.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    ticks.push(`<text x="${m.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${v.toPrecision(3)}</text>`);
  }
  const xStep = Math.max(1, Math.ceil(ys.length / 10));
  for (let i = 0; i < ys.length; i += xStep) {
    ticks.push(`<text x="${sx(i).toFixed(1)}" y="${m.top + ph + 18}" text-anchor="middle">${i + 1}</text>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16">${esc(o.title)}</text>`,
    ...ticks,
    `<line x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}" stroke="black"/>`,
    `<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}" stroke="black"/>`,
    `<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${points}"/>`,
    ...ys.map((v, i) => `<circle cx="${sx(i).toFixed(1)}" cy="${sy(v).toFixed(1)}" r="3" fill="#1f77b4"/>`),
    `<text x="${m.left + pw / 2}" y="${height - 12}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
    `</svg>`,
  ].join('\n');
}

// bench/run.ts end to end on the cpu backend at tiny sizes: it must write the JSON, Markdown and
// SVG records, measure every row, and check every figure against its reference before timing it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/suite/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'ks-bench-run-'));
const TINY = {
  cpu: {
    saxpy: 4099, sum: 8191, sgemm: [40], hgemm: [128], softmax: { n: 200, d: 20, k: 3, iterations: 3 },
    mnistEpochs: 1, timings: 3, launches: 2, runs: 1,
  },
};

function run(): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['--import', 'tsx', 'bench/run.ts', '--quick', '--backends', 'cpu', '--out', out, '--sizes', JSON.stringify(TINY)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 << 20, timeout: 110_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench (bench/run.ts)', () => {
  it('measures every row on cpu, each figure checked before it was timed, and writes json, md and svg', async () => {
    const r = await run();
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(3);
    const base = (files[0] ?? '').replace(/\.json$/, '');
    expect(base).toMatch(/^\d{4}-\d{2}-\d{2}-quick$/);
    expect(files).toEqual([`${base}.json`, `${base}.md`, `${base}.svg`]);

    const report = JSON.parse(readFileSync(join(out, `${base}.json`), 'utf8')) as BenchReport;
    expect(report.schema).toBe(1);
    expect(`${report.date}-quick`).toBe(base);
    expect(report.commit).toMatch(/^([0-9a-f]{40}( with uncommitted changes)?|unknown)$/);
    expect(report.quick).toBe(true);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.backends).toEqual([{ backend: 'cpu', device: expect.any(String), sizes: 'cpu' }]);
    expect(report.args).toContain('--quick');
    expect(report.sizes).toEqual({ cpu: expect.objectContaining({ saxpy: 4099, sgemm: [40] }) });
    expect(report.peers.versions ?? report.peers.reason).toBeTruthy();

    const ks = report.measurements.filter((m) => m.by === 'kernelscript');
    expect(new Set(ks.map((m) => m.row))).toEqual(new Set(['saxpy', 'sum', 'sgemm', 'hgemm', 'softmax', 'mnist']));
    expect(ks.map((m) => `${m.row} ${m.impl}`)).toEqual([
      'saxpy scalar', 'saxpy load4/store4', 'sum shared-memory tree', 'sum warp shuffles', 'sum load4 and warpSum',
      'sgemm naive', 'sgemm shared-memory tiled', 'sgemm register-blocked', 'hgemm warp-level matrices (mma)',
      'softmax hand-written kernels', 'mnist hand-written kernels',
    ]);
    for (const m of report.measurements.filter((x) => x.status === 'ok')) {
      expect(m.check, `${m.row} ${m.impl}`).toBeDefined();
      expect(m.check?.error).toBeLessThanOrEqual(m.check?.tolerance ?? -1);
      expect(m.ms).toBeGreaterThan(0);
      expect(m.timings?.length).toBeGreaterThan(0);
    }
    for (const m of ks) expect(m.status, `${m.row} ${m.impl}: ${m.reason}`).toBe('ok');
    expect(ks.find((m) => m.row === 'saxpy')?.rate?.unit).toBe('GB/s');

    // With NumPy here, MNIST has its peer and a ratio; without it, the reason is recorded.
    if (report.peers.versions?.numpy) {
      const np = report.measurements.find((m) => m.by === 'peer' && m.row === 'mnist');
      expect(np?.status).toBe('ok');
      expect(report.ratios).toContainEqual(expect.objectContaining({ row: 'mnist', backend: 'cpu', peer: 'NumPy', reference: true }));
    }
    for (const x of report.ratios) expect(x.speed).toBeGreaterThan(0);

    const md = readFileSync(join(out, `${base}.md`), 'utf8');
    expect(md).toContain(`Commit \`${report.commit}\``);
    expect(md).toContain('| row | size | implementation |');
    expect(md.match(/\| KernelScript \| cpu \|/g)).toHaveLength(ks.length);
    const svg = readFileSync(join(out, `${base}.svg`), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect /g)?.length).toBe(1 + report.ratios.filter((x) => x.reference).length);
  });
});

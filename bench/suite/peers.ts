// The Python peers (PyTorch, CuPy, NumPy) as one child process, bench/peers_all.py: this writes what
// it should run (and MNIST's digits and batch orders) into a scratch folder, runs it, and reads back
// its measurements, giving each the same rate (GB/s, FLOP/s) as the KernelScript figure it sits
// beside. Without python3 every peer is recorded as skipped, with the reason.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SoftmaxData } from '../../samples/lib/softmax-data.js';
import { flopRate, gbs } from './measure.js';
import { mnistOptions, writeMnistInputs } from './mnist-numpy.js';
import { SAXPY_A } from './saxpy.js';
import { sizeLabel, type Sizes } from './sizes.js';
import type { Measurement, Rate } from './types.js';

export interface PeerRequest {
  /** Sizes of the GPU peers, when a GPU backend is measured. */
  gpu?: Sizes;
  /** Sizes of the cpu peer (NumPy's MNIST) and its digits, when the cpu backend is measured. */
  cpu?: { sizes: Sizes; train: SoftmaxData };
}

export interface PeerOutcome {
  measurements: Measurement[];
  versions?: Record<string, string | null>;
  /** Why no peer ran at all. */
  reason?: string;
}

const SCRIPT = join(import.meta.dirname, '..', 'peers_all.py');

/** The peers' spec and, per (row, size), the rate its figures get. */
function plan(req: PeerRequest, dir: string): { spec: Record<string, unknown>; rates: Map<string, (ms: number) => Rate> } {
  const rates = new Map<string, (ms: number) => Rate>();
  const spec: Record<string, unknown> = {};
  if (req.gpu) {
    const s = req.gpu;
    const saxpy = { size: sizeLabel.saxpy(s.saxpy), n: s.saxpy, a: SAXPY_A };
    const sum = { size: sizeLabel.sum(s.sum), n: s.sum };
    const sgemm = s.sgemm.map((n) => ({ size: sizeLabel.sgemm(n), n }));
    const softmax = { size: sizeLabel.softmax(s.softmax), ...s.softmax, rate: 0.1 };
    rates.set(`saxpy|${saxpy.size}`, gbs(12 * s.saxpy));
    rates.set(`sum|${sum.size}`, gbs(4 * s.sum));
    for (const g of sgemm) rates.set(`sgemm|${g.size}`, flopRate(2 * g.n ** 3));
    const hgemm = s.hgemm.map((n) => ({ size: sizeLabel.hgemm(n), n }));
    for (const g of hgemm) rates.set(`hgemm|${g.size}`, flopRate(2 * g.n ** 3));
    spec.gpu = { timings: s.timings, launches: s.launches, runs: s.runs, saxpy, sum, sgemm, hgemm, softmax };
  }
  if (req.cpu) {
    const { sizes, train } = req.cpu;
    const mnist = writeMnistInputs(dir, train, mnistOptions(sizes.mnistEpochs));
    spec.cpu = { mnist: { size: sizeLabel.mnist(sizes.mnistEpochs), runs: sizes.runs, ...mnist } };
  }
  return { spec, rates };
}

export async function runPeers(req: PeerRequest, python = 'python3'): Promise<PeerOutcome> {
  if (!req.gpu && !req.cpu) return { measurements: [], reason: 'no backend to compare with' };
  const dir = mkdtempSync(join(tmpdir(), 'ks-bench-peers-'));
  try {
    const { spec, rates } = plan(req, dir);
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const child = spawn(python, [SCRIPT, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    // The script reports each peer as it finishes: shown live, and kept for the reason of a crash.
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      process.stderr.write(b);
    });
    const code = await new Promise<number | string>((resolve) => {
      child.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ENOENT' ? `${python} not found` : e.message));
      child.on('close', (c) => resolve(c ?? -1));
    });
    if (typeof code === 'string') return { measurements: [], reason: code };
    if (code !== 0) {
      const last = stderr.trim().split('\n').at(-1) ?? '';
      return { measurements: [], reason: `bench/peers_all.py exited with ${code}: ${last}` };
    }
    // The JSON object is the last line; anything a library printed before it is not.
    let out: { versions: Record<string, string | null>; measurements: Measurement[] };
    try {
      out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
    } catch {
      return { measurements: [], reason: `bench/peers_all.py printed no JSON result: ${stdout.trim().slice(-200)}` };
    }
    for (const m of out.measurements) {
      // Python writes a non-finite error as null.
      if (m.check && m.check.error === null) m.check.error = Infinity;
      const rate = rates.get(`${m.row}|${m.size}`);
      if (m.status === 'ok' && m.ms !== undefined && rate) m.rate = rate(m.ms);
    }
    return { measurements: out.measurements, versions: out.versions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

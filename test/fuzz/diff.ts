// The differential fuzzer: input `index` of a campaign seeded `seed` is a generated program with
// random inputs; it must compile without diagnostics, and on every device its outputs must match
// the independent reference (integers exactly, f32 within the reference's error bound, slots the
// kernel does not write left as they were).
import { compileFile } from '../../compiler/index.js';
import type { CompiledKernel } from '../../core/output.js';
import type { Device, DeviceArray, LaunchArg } from '../../runtime/types.js';
import { REPO_ROOT } from './corpus.js';
import { normalize, type FailureRecord, type Finding } from './finding.js';
import { generateProgram } from './generate.js';
import { minimizeProgram } from './minimize-program.js';
import { KERNEL_NAME, printProgram } from './print-program.js';
import { ATOMIC_CELLS, IN_SLOTS, type Program } from './program.js';
import { chance, pick, rngFor, type Rng } from './random.js';
import type { CudaValidator } from './nvcc.js';
import { reference, type Expected, type Inputs } from './reference.js';

export const DIFF_FILE = `${REPO_ROOT}test/fuzz/generated-kernel.ts`;
const SENTINEL = 0x5eedbeef;
const TARGET = { cpu: 'js', webgpu: 'wgsl', cuda: 'cuda' } as const;

export interface DiffInput {
  program: Program;
  source: string;
  inputs: Inputs;
}

function intValue(rng: Rng, signed: boolean): number {
  const edges = signed ? [0, 1, -1, 2, 31, 32, 33, -33, 255, 65536, 2147483647, -2147483648] : [0, 1, 2, 31, 32, 255, 65535, 2147483648, 4294967295];
  const x = chance(rng, 0.4) ? rng.int(-10, 11) : chance(rng, 0.5) ? rng.int(-1000, 1001) : chance(rng, 0.5) ? pick(rng, edges) : rng.int(-(2 ** 31), 2 ** 31);
  return signed ? x | 0 : x >>> 0;
}

function f32Value(rng: Rng): number {
  if (chance(rng, 0.5)) return rng.f32(-4, 4);
  if (chance(rng, 0.3)) return rng.f32(-100, 100);
  if (chance(rng, 0.3)) return Math.fround(rng.int(-8, 9) / 2);
  return Math.fround(pick(rng, [0, 1, -1, 0.5, 1e-3, -1e-3, 1e6, 3.14159, 1e-20, 123456.78]));
}

export function makeInputs(rng: Rng, program: Program): Inputs {
  const block = pick(rng, [32, 64]);
  // With barriers every thread of every block runs: whole blocks only.
  const n = program.sync ? block * rng.int(1, 4) : rng.int(40, 140);
  const len = n * IN_SLOTS;
  const A = new Int32Array(len), U = new Uint32Array(len), F = new Float32Array(len);
  for (let i = 0; i < len; i++) {
    A[i] = intValue(rng, true);
    U[i] = intValue(rng, false);
    F[i] = f32Value(rng);
  }
  const GI = new Int32Array(ATOMIC_CELLS), GU = new Uint32Array(ATOMIC_CELLS);
  for (let i = 0; i < ATOMIC_CELLS; i++) {
    GI[i] = intValue(rng, true);
    GU[i] = intValue(rng, false);
    // Half the compare-and-swap cells hold what the swap expects, so that it takes.
    for (const [name, arr] of [['GI', GI], ['GU', GU]] as const) {
      const x = program.xchg[name];
      if ((i & 3) === 3 && x && 'expected' in x && chance(rng, 0.5)) arr[i] = x.expected;
    }
  }
  return { A, U, F, n, block, p: intValue(rng, true), q: intValue(rng, false), r: f32Value(rng), flag: chance(rng, 0.5), GI, GU };
}

export function makeDiffInput(seed: number, index: number): DiffInput {
  const rng = rngFor(seed, index);
  const program = generateProgram(rng);
  return { program, source: printProgram(program), inputs: makeInputs(rng, program) };
}

export function compileProgram(source: string, targets: readonly ('js' | 'wgsl' | 'cuda')[]): { kernels: Partial<Record<string, CompiledKernel>>; finding: Finding | null } {
  try {
    const r = compileFile(DIFF_FILE, source, targets);
    if (r.diagnostics.length > 0) {
      const d = r.diagnostics[0]!;
      const line = source.split('\n')[d.line - 1]?.trim() ?? '';
      return {
        kernels: {},
        finding: {
          kind: 'rejects-valid',
          signature: `${d.code}: ${normalize(d.message)}`,
          detail: `a valid generated kernel got diagnostics:\n${r.diagnostics.map((x) => `  ${x.line}:${x.column} ${x.code}: ${x.message}`).join('\n')}\nat: ${line}`,
        },
      };
    }
    return { kernels: r.kernels.find((k) => k.name === KERNEL_NAME)?.outputs ?? {}, finding: null };
  } catch (e) {
    const err = e as Error;
    return { kernels: {}, finding: { kind: 'crash', signature: `${err.name}: ${normalize(err.message)}`, detail: `compileFile threw ${err.name}: ${err.message}\n${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}` } };
  }
}

/** Runs the kernel on a device; returns the three output arrays, or a finding. */
type Outputs = { OI: Int32Array; OU: Uint32Array; OF: Float32Array; GI: Int32Array; GU: Uint32Array };

async function runOn(device: Device, k: CompiledKernel, inp: Inputs, slots: Program['slots']): Promise<Outputs | Finding> {
  const arrays: DeviceArray[] = [];
  const arr = <T extends Int32Array | Uint32Array | Float32Array>(a: T): DeviceArray<T> => {
    const d = device.array(a);
    arrays.push(d);
    return d;
  };
  try {
    const oi = arr(new Int32Array(inp.n * slots.OI).fill(SENTINEL));
    const ou = arr(new Uint32Array(inp.n * slots.OU).fill(SENTINEL));
    const of = arr(new Float32Array(inp.n * slots.OF).fill(NaN));
    const gi = arr(inp.GI.slice());
    const gu = arr(inp.GU.slice());
    const args: LaunchArg[] = [arr(inp.A.slice()), arr(inp.U.slice()), arr(inp.F.slice()), oi, ou, of, gi, gu, inp.n, inp.p, inp.q, inp.r, inp.flag];
    device.launchCompiled(k, { grid: Math.ceil(inp.n / inp.block), block: inp.block }, args);
    return { OI: await oi.read(), OU: await ou.read(), OF: await of.read(), GI: await gi.read(), GU: await gu.read() };
  } catch (e) {
    const err = e as Error;
    const [head = '', first = ''] = err.message.split('\n');
    return { kind: 'launch-error', signature: `${err.name}: ${normalize(head)} ${normalize(first.trim())}`.trim(), detail: `${device.backend} failed to run the kernel: ${err.name}: ${err.message}`, target: device.backend, code: k.code };
  } finally {
    for (const a of arrays) a.dispose();
  }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(9);
}

/** The first few slots that differ from the reference, or null. */
function mismatches(name: 'OI' | 'OU' | 'OF' | 'GI' | 'GU', got: ArrayLike<number>, want: readonly Expected[], slots: number): { slots: number[]; text: string } | null {
  const bad: number[] = [];
  const lines: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as Expected;
    const g = got[i] as number;
    const at = name === 'GI' || name === 'GU' ? `${name}[${i}]` : `${name}[thread ${Math.floor(i / slots)}, slot ${i % slots}]`;
    let ok: boolean;
    let expect: string;
    if (w.k === 'unknown') continue;
    if (w.k === 'unwritten') {
      ok = name === 'OF' ? Number.isNaN(g) : g === (name === 'OI' ? SENTINEL | 0 : SENTINEL >>> 0);
      expect = 'left unwritten';
    } else if (name === 'OF') {
      ok = Math.abs(g - w.v) <= 2 * w.e + 1e-30;
      expect = `${fmt(w.v)} ± ${w.e.toExponential(2)}`;
    } else {
      ok = g === w.v;
      expect = String(w.v);
    }
    if (!ok) {
      bad.push(i);
      if (lines.length < 6) lines.push(`${at}: expected ${expect}, got ${fmt(g)}`);
    }
  }
  return bad.length === 0 ? null : { slots: bad, text: `${bad.length} slot(s) differ:\n${lines.join('\n')}` };
}

export interface BadSlot {
  arr: 'OI' | 'OU' | 'OF';
  slot: number;
  thread: number;
}

/** How the programs checked so far fared: proof that a run exercised the compiler and devices. */
export const diffStats = { programs: 0, compiled: 0, launches: 0, slotsChecked: 0, slotsUnknown: 0 };

export interface DiffResult {
  findings: Finding[];
  /** The first differing slot of each mismatch finding, by signature. */
  where: Map<string, BadSlot>;
  /** Output slots the reference could not determine, of all slots (how much of the program was checked). */
  unknown: number;
  total: number;
}

/**
 * Compiles and runs one generated program on every device and compares with the reference; with
 * `nvcc`, also compiles its CUDA C (generated programs have unused locals, so warnings are allowed).
 */
export async function checkProgram(input: DiffInput, devices: readonly Device[], nvcc?: CudaValidator): Promise<DiffResult> {
  const { program, source, inputs } = input;
  const ref = reference(program, inputs);
  const all = [...ref.OI, ...ref.OU, ...ref.OF, ...ref.GI, ...ref.GU];
  const result: DiffResult = { findings: [], where: new Map(), unknown: all.filter((x) => x.k === 'unknown').length, total: all.length };
  const targets = [...new Set(['js' as const, 'wgsl' as const, ...(nvcc ? ['cuda' as const] : []), ...devices.map((d) => TARGET[d.backend])])];
  diffStats.programs++;
  diffStats.slotsUnknown += result.unknown;
  const c = compileProgram(source, targets);
  if (!c.finding) diffStats.compiled++;
  if (c.finding) {
    result.findings.push(c.finding);
    return result;
  }
  const cuda = c.kernels.cuda;
  if (nvcc && cuda) {
    const msg = await nvcc.validate(cuda.code);
    if (msg) {
      const first = msg.split('\n').find((l) => /error/.test(l)) ?? msg;
      result.findings.push({ kind: 'cuda-rejected', signature: normalize(first.replace(/^.*?\(\d+\): /, '')), detail: `nvcc rejects the kernel:\n${msg.slice(0, 2000)}`, target: 'cuda', code: cuda.code });
    }
  }
  for (const device of devices) {
    const k = c.kernels[TARGET[device.backend]];
    if (!k) {
      result.findings.push({ kind: 'crash', signature: 'no output for a target', detail: `compileFile gave no ${TARGET[device.backend]} output`, target: device.backend });
      continue;
    }
    const got = await runOn(device, k, inputs, program.slots);
    if ('kind' in got) {
      result.findings.push(got);
      continue;
    }
    diffStats.launches++;
    diffStats.slotsChecked += result.total - result.unknown;
    for (const name of ['OI', 'OU', 'OF', 'GI', 'GU'] as const) {
      const per = name === 'GI' || name === 'GU' ? ATOMIC_CELLS : program.slots[name];
      const m = mismatches(name, got[name], ref[name], per);
      if (m) {
        const i = m.slots[0] as number;
        if (name !== 'GI' && name !== 'GU') result.where.set(`${device.backend} ${name}`, { arr: name, slot: i % per, thread: Math.floor(i / per) });
        result.findings.push({ kind: 'mismatch', signature: `${device.backend} ${name}`, detail: `${device.backend} differs from the reference in ${name}: ${m.text}`, target: device.backend, code: k.code });
      }
    }
  }
  return result;
}

export async function runDiff(devices: readonly Device[], seed: number, index: number, nvcc?: CudaValidator): Promise<FailureRecord[]> {
  const input = makeDiffInput(seed, index);
  const r = await checkProgram(input, devices, nvcc);
  return r.findings.map((finding) => ({ fuzzer: 'diff', seed, index, finding, source: input.source, origin: `generated program (${r.unknown} of ${r.total} output slots undetermined by the reference)` }));
}

/** The inputs of one thread, as a comment for a minimized program. */
function threadInputs(inp: Inputs, thread: number): string {
  const b = thread * IN_SLOTS;
  const list = (a: ArrayLike<number>, p: string): string => Array.from({ length: IN_SLOTS }, (_, i) => `${p}${i}=${a[b + i]}`).join(' ');
  return `// thread ${thread} (block ${inp.block}): ${list(inp.A, 'a')} ${list(inp.U, 'u')} ${list(inp.F, 'f')} p=${inp.p} q=${inp.q} r=${inp.r} flag=${inp.flag}`;
}

/** A minimized source (with the failing thread's inputs) and what it gives now. */
export async function minimizeDiff(input: DiffInput, finding: Finding, devices: readonly Device[], nvcc?: CudaValidator, maxChecks = 200): Promise<{ source: string; detail: string; program: Program; inputs: Inputs }> {
  const device = devices.find((d) => d.backend === finding.target);
  const on = device ? [device] : [];
  const cc = finding.kind === 'cuda-rejected' ? nvcc : undefined;
  const first = await checkProgram(input, on, cc);
  const keep = first.where.get(finding.signature) ?? null;
  const same = (r: DiffResult): Finding | undefined => r.findings.find((f) => f.kind === finding.kind && f.signature === finding.signature);
  const test = async (p: Program, inp: Inputs): Promise<boolean> => {
    try {
      return same(await checkProgram({ program: p, source: printProgram(p), inputs: inp }, on, cc)) !== undefined;
    } catch {
      return false; // a candidate the reference cannot run (a use of a removed declaration)
    }
  };
  const { program, inputs } = await minimizeProgram(input.program, input.inputs, keep, test, maxChecks);
  const source = printProgram(program);
  const last = await checkProgram({ program, source, inputs }, on, cc);
  const where = last.where.get(finding.signature);
  const header = where ? `${threadInputs(inputs, where.thread)}\n` : '';
  return { source: header + source, detail: same(last)?.detail ?? finding.detail, program, inputs };
}

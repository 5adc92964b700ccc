// `check --target`: each kernel's static resource use per backend (shared and local memory,
// parameters; for cuda what ptxas allocates), one line each, and KS9xxx warnings where a kernel
// comes within 90% of a usual limit (resource-limits.ts) or exceeds it.
import { availableParallelism } from 'node:os';
import { compileToIR } from '../compiler/index.js';
import { makeDiagnostic, type Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { Code } from '../core/diagnostics/codes.js';
import { ELEMENTS, elementBytes } from '../core/elements.js';
import type { ElemType, KernelIR, Span } from '../core/ir/types.js';
import type { CompiledKernel, Target } from '../core/output.js';
import { PORTABLE_LIMITS } from '../runtime/limits.js';
import { dynamicSharedMeta, localArrays, sharedBytes } from '../targets/analysis.js';
import type { BuiltKernel } from './emit.js';
import { ptxasUsage, type PtxasUsage } from './ptxas.js';
import {
  CUDA_PARAM_BYTES, CUDA_REGISTERS_PER_SM, CUDA_REGISTERS_PER_THREAD, NEAR, OCCUPANCY_BLOCK, USUAL,
  WEBGPU_BINDING_BYTES, WEBGPU_STORAGE_BUFFERS, maxThreadsByRegisters, occupancy, type Backend,
} from './resource-limits.js';

export const BACKEND: Readonly<Record<Target, Backend>> = { wgsl: 'webgpu', cuda: 'cuda', js: 'cpu' };

export interface ResourceReport {
  /** One line per kernel and target: `file:line:col kernel 'k' (webgpu): shared …`. */
  lines: string[];
  /** What only a launch can check, once per report. */
  notes: string[];
  warnings: Diagnostic[];
}

export interface ReportOptions {
  targets: readonly Target[];
  /** GPU architecture for ptxas. */
  arch: string;
  /** null: no nvcc, so no register figures. */
  nvcc: string | null;
  /** How a file is shown in the lines. */
  show: (file: string) => string;
}

/** Throws when nvcc fails on generated code (a compiler bug, or an --arch nvcc does not know). */
export async function resourceReport(
  kernels: readonly BuiltKernel[],
  texts: ReadonlyMap<string, string>,
  opts: ReportOptions,
): Promise<ResourceReport> {
  const irs = kernels.map((k) => compileToIR(texts.get(k.file) ?? '', { kernel: k.name, fileName: k.file }));
  const cuda = opts.targets.includes('cuda') && opts.nvcc !== null ? await allPtxas(kernels, opts.nvcc, opts.arch) : [];
  const out: ResourceReport = { lines: [], notes: [], warnings: [] };
  kernels.forEach((k, i) => {
    const ir = irs[i] as KernelIR;
    for (const t of opts.targets) {
      const compiled = k.outputs[t];
      if (!compiled) continue;
      const at = `${opts.show(k.file)}:${k.line}:${k.column} kernel '${k.name}' (${BACKEND[t]})`;
      const facts = judge(ir, t, compiled, t === 'cuda' ? (cuda[i] ?? null) : null, opts, out.warnings);
      out.lines.push(`${at}: ${facts.join(', ')}`);
    }
  });
  out.notes.push(launchNote(opts.targets));
  return out;
}

const near = (v: number, limit: number): boolean => v >= NEAR * limit;
const percent = (v: number, limit: number): number => Math.floor((100 * v) / limit);

/** The line's facts for one target; pushes that target's warnings. */
function judge(ir: KernelIR, t: Target, k: CompiledKernel, ptxas: PtxasUsage | null, opts: ReportOptions, warn: Diagnostic[]): string[] {
  const backend = BACKEND[t];
  const facts = memoryFacts(ir, backend, warn);
  if (t === 'wgsl') facts.push(webgpuParams(ir, k, warn));
  else if (t === 'cuda') facts.push(cudaParams(ir, warn), ...registerFacts(ir, ptxas, opts, warn));
  else facts.push(`params ${ir.params.length}`);
  return facts;
}

/** Shared memory per block and local arrays per thread, against the backend's usual limits. */
function memoryFacts(ir: KernelIR, backend: Backend, warn: Diagnostic[]): string[] {
  const usual = USUAL[backend];
  const shared = sharedBytes(ir);
  const locals = localArrays(ir);
  const local = locals.reduce((n, a) => n + elementBytes(a.elem, a.length), 0);
  if (near(shared, usual.sharedBytes)) {
    const at = crossing(ir.shared, usual.sharedBytes) ?? ir.span;
    warn.push(makeDiagnostic(at, 'KS9001', backend, shared, percent(shared, usual.sharedBytes), usual.sharedBytes, usual.sharedWhy));
  }
  const facts = [`shared ${shared} B of ${usual.sharedBytes} B${blockSized(ir)}`];
  const lim = usual.local;
  if (lim === null) return [...facts, `local ${local} B/thread`];
  if (lim.scope === 'each') {
    for (const a of locals) {
      const bytes = elementBytes(a.elem, a.length);
      const what = `local array '${a.name}'`;
      if (near(bytes, lim.bytes)) warn.push(makeDiagnostic(a.span, 'KS9002', backend, bytes, what, percent(bytes, lim.bytes), lim.bytes, lim.why));
    }
    return [...facts, `local ${local} B/thread (${lim.bytes} B per array)`];
  }
  if (near(local, lim.bytes)) {
    const at = crossing(locals, lim.bytes) ?? ir.span;
    warn.push(makeDiagnostic(at, 'KS9002', backend, local, 'local arrays', percent(local, lim.bytes), lim.bytes, lim.why));
  }
  return [...facts, `local ${local} B/thread of ${lim.bytes} B`];
}

/**
 * Block-sized shared arrays have no byte count before a launch picks the block shape: each is named
 * with its length expression (the launch checks the total against the device's limit).
 */
function blockSized(ir: KernelIR): string {
  const sized = dynamicSharedMeta(ir).dynamicShared ?? [];
  if (sized.length === 0) return '';
  const each = sized.map((a) => `${a.name}[${a.text}] × ${ELEMENTS[a.elem].bytes} B`);
  return ` + depends on blockDim (${each.join(', ')})`;
}

/** Array parameters are storage buffers; scalars (and the grid) share one uniform block. */
function webgpuParams(ir: KernelIR, k: CompiledKernel, warn: Diagnostic[]): string {
  const arrays = ir.params.filter((p) => p.kind === 'array');
  const extra = arrays[WEBGPU_STORAGE_BUFFERS];
  if (extra) warn.push(makeDiagnostic(extra.span, 'KS9003', 'webgpu', arrays.length, WEBGPU_STORAGE_BUFFERS));
  const uniform = k.meta.wgsl?.uniformSize ?? 0;
  return `params ${ir.params.length} (storage buffers ${arrays.length} of ${WEBGPU_STORAGE_BUFFERS}, uniform ${uniform} B)`;
}

function cudaParams(ir: KernelIR, warn: Diagnostic[]): string {
  const bytes = cudaParamBytes(ir);
  if (near(bytes, CUDA_PARAM_BYTES)) {
    warn.push(makeDiagnostic(ir.span, 'KS9004', 'cuda', bytes, percent(bytes, CUDA_PARAM_BYTES), CUDA_PARAM_BYTES));
  }
  return `params ${ir.params.length} (${bytes} B of ${CUDA_PARAM_BYTES} B)`;
}

/** What ptxas allocated: registers, local memory, spills, and what they mean for launches. */
function registerFacts(ir: KernelIR, ptxas: PtxasUsage | null, opts: ReportOptions, warn: Diagnostic[]): string[] {
  if (!ptxas) return ['registers unknown (nvcc not found)'];
  const { registers, stackBytes, spillStores, spillLoads } = ptxas;
  const arch = opts.arch;
  const spills = spillStores + spillLoads === 0 ? 'spills 0 B' : `spills ${spillStores} B stored + ${spillLoads} B loaded`;
  const facts = [`registers ${registers} of ${CUDA_REGISTERS_PER_THREAD} (${arch})`, `stack ${stackBytes} B`, spills];
  const threads = maxThreadsByRegisters(registers);
  if (threads < PORTABLE_LIMITS.maxThreadsPerBlock) facts.push(`at most ${threads} threads/block`);
  const occ = occupancy(arch, registers, sharedBytes(ir));
  if (occ) facts.push(`occupancy ${occ.percent}% at ${OCCUPANCY_BLOCK} threads/block${occ.by === 'warps' ? '' : ` (${occ.by})`}`);

  const w = (code: Code, ...args: (string | number)[]): number => warn.push(makeDiagnostic(ir.span, code, 'cuda', ...args));
  const maxRegs = CUDA_REGISTERS_PER_THREAD;
  if (near(registers, maxRegs)) w('KS9005', arch, registers, percent(registers, maxRegs), maxRegs);
  if (spillStores + spillLoads > 0) w('KS9006', arch, spillStores, spillLoads);
  if (threads < PORTABLE_LIMITS.maxThreadsPerBlock) w('KS9007', registers, arch, threads, CUDA_REGISTERS_PER_SM);
  return facts;
}

/**
 * Where a warning about arrays' bytes in all points: the array whose running total first exceeds
 * `limit` (as KS8003 does) or, when the total stays within it, first reaches 90% of it.
 */
function crossing(arrays: readonly { elem: ElemType; length: number; span: Span }[], limit: number): Span | null {
  const total = arrays.reduce((n, a) => n + elementBytes(a.elem, a.length), 0);
  const reached = (sum: number): boolean => (total > limit ? sum > limit : sum >= NEAR * limit);
  let sum = 0;
  for (const a of arrays) {
    sum += elementBytes(a.elem, a.length);
    if (reached(sum)) return a.span;
  }
  return null;
}

/** The CUDA parameter buffer: a pointer per array, scalars as printed (bool: one byte), each aligned to its size. */
function cudaParamBytes(ir: KernelIR): number {
  let offset = 0;
  for (const p of ir.params) {
    const size = p.kind === 'array' ? 8 : p.type === 'bool' ? 1 : 4;
    offset = Math.ceil(offset / size) * size + size;
  }
  return offset;
}

/** ptxas for every kernel with a cuda output, a few at a time; undefined where a kernel has none. */
async function allPtxas(kernels: readonly BuiltKernel[], nvcc: string, arch: string): Promise<(PtxasUsage | undefined)[]> {
  const results: (PtxasUsage | undefined)[] = new Array<PtxasUsage | undefined>(kernels.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < kernels.length; i = next++) {
      const cu = kernels[i]?.outputs.cuda;
      if (cu) results[i] = await ptxasUsage(nvcc, cu.code, cu.entryPoint, arch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), kernels.length) }, worker));
  return results;
}

function launchNote(targets: readonly Target[]): string {
  const [gx, gy] = PORTABLE_LIMITS.maxGridDim;
  const buffer = targets.includes('wgsl')
    ? `, and on webgpu arrays of at most ${WEBGPU_BINDING_BYTES} B (maxStorageBufferBindingSize, the WebGPU default)`
    : '';
  return (
    `note: checked at launch, not here: blocks of at most ${PORTABLE_LIMITS.maxThreadsPerBlock} threads, ` +
    `grids of at most ${gy} blocks per dimension (a 1-D grid up to ${gx})${buffer}`
  );
}

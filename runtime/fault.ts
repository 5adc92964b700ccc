// Debug builds' fault records (core/output.ts): what the devices read back after a debug launch,
// turned into a KernelFaultError that quotes the TypeScript source the compiler stored in the
// kernel's site table (no file is read, so this works in browsers too).
import { frameLines } from '../core/diagnostics/render.js';
import { FAULT_WORDS, type CompiledKernel, type DebugSite } from '../core/output.js';
import { DeviceError, KernelFaultError, type KernelFault } from './errors.js';

const VERB: Record<DebugSite['access'], string> = { read: 'read', write: 'wrote', atomic: 'accessed (atomically)' };

/** The fault `rec` (FAULT_WORDS words at `offset`) holds for a launch of `kernel`, or null if none. */
export function faultOf(kernel: CompiledKernel, rec: Uint32Array, offset = 0): KernelFaultError | null {
  const w = (i: number): number => rec[offset + i] ?? 0;
  if (w(0) === 0) return null;
  const site = kernel.meta.debug?.sites[w(1)];
  if (!site) throw new DeviceError(`kernel '${kernel.name}' reported a fault at unknown site ${w(1)}: its debug build does not match its code`);
  const fault: KernelFault = {
    kernel: kernel.name,
    array: site.array,
    access: site.access,
    index: site.indexType === 'i32' ? w(2) | 0 : w(2),
    length: w(3),
    thread: [w(4), w(5), w(6)],
    block: [w(7), w(8), w(9)],
    file: site.file,
    line: site.line,
    column: site.column,
  };
  return new KernelFaultError(fault, message(fault, site));
}

/** A zeroed record per launch, for devices that keep records in host memory. */
export const newFaultRecord = (): Uint32Array => new Uint32Array(FAULT_WORDS);

function message(f: KernelFault, site: DebugSite): string {
  const n = `${f.length} element${f.length === 1 ? '' : 's'}`;
  const head =
    `kernel '${f.kernel}' ${VERB[f.access]} out of bounds: ${f.array}[${f.index}] but ${f.array} has ${n} ` +
    `(thread (${f.thread.join(',')}) of block (${f.block.join(',')}))`;
  return [head, `    at ${f.file}:${f.line}:${f.column}`, ...frame(site)].join('\n');
}

/** The source line with a gutter and a ~~~ under the access, as compile errors show it. */
export function frame(site: Pick<DebugSite, 'line' | 'column' | 'endLine' | 'endColumn' | 'lineText'>): string[] {
  return site.lineText === undefined ? [] : ['', ...frameLines(site, site.lineText)];
}

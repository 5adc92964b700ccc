// console.log in kernels, host side: a launch's device log buffer (core/printf.ts) decoded into
// lines, formatted as C's printf formats them (so they read as the CUDA backend's printf lines),
// for the device's sink. Records come in append order, which is not thread order.
import type { CompiledKernel } from '../core/output.js';
import { LOG_HEADER_WORDS, PRINT_COORDS, formatValue, linePrefix, recordWords, siteSpecs, valueWords, type PrintSpec } from '../core/printf.js';
import { DeviceError } from './errors.js';

/** Where a device writes the lines kernels print: console.log unless createDevice({ log }) says otherwise. */
export type LogSink = (line: string) => void;

export const consoleSink: LogSink = (line) => console.log(line);

const f32 = new Float32Array(1);
const f32w = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const f64w = new Uint32Array(f64.buffer);

/** One value from its words. */
function valueOf(spec: PrintSpec, words: Uint32Array, at: number): number | boolean {
  const w = words[at] ?? 0;
  switch (spec.type) {
    case 'i32':
      return w | 0;
    case 'bool':
      return w !== 0;
    case 'f32':
    case 'f16':
      f32w[0] = w;
      return f32[0] ?? 0;
    case 'f64':
      f64w[0] = w;
      f64w[1] = words[at + 1] ?? 0;
      return f64[0] ?? 0;
    default:
      return w >>> 0;
  }
}

/**
 * The lines of a log buffer of `kernel` (`words` from `offset`, `length` words): one per record
 * that fit, then, when some did not, one line saying how many were dropped.
 */
export function decodeLog(kernel: CompiledKernel, words: Uint32Array, offset = 0, length = words.length - offset): string[] {
  const sites = kernel.meta.prints ?? [];
  const cap = length - LOG_HEADER_WORDS;
  const used = Math.min(words[offset] ?? 0, cap);
  const dropped = words[offset + 1] ?? 0;
  const lines: string[] = [];
  let pos = 0;
  while (pos < used) {
    const at = offset + LOG_HEADER_WORDS + pos;
    // Zero: the words of a reservation that ended past the buffer (dropped, and counted), never written.
    const tag = words[at] ?? 0;
    if (tag === 0) break;
    const site = sites[tag - 1];
    if (!site) throw new DeviceError(`kernel '${kernel.name}' wrote a log record of unknown site ${tag - 1}: its build does not match its code`);
    const n = recordWords(site);
    if (pos + n > used) break;
    const coords = Array.from(words.subarray(at + 1, at + 1 + PRINT_COORDS), (w) => w | 0);
    let v = at + 1 + PRINT_COORDS;
    const specs = siteSpecs(site);
    let text = '';
    let i = 0;
    for (const p of site.pieces) {
      if (typeof p === 'string') {
        text += p;
        continue;
      }
      const spec = specs[i++] as PrintSpec;
      text += formatValue(spec, valueOf(spec, words, v));
      v += valueWords(spec.type);
    }
    lines.push(linePrefix(kernel.name, site, coords.slice(0, 3), coords.slice(3)) + text);
    pos += n;
  }
  if (dropped > 0) {
    const bytes = length * Uint32Array.BYTES_PER_ELEMENT;
    lines.push(
      `[${kernel.name}] ${dropped} log record${dropped === 1 ? ' was' : 's were'} dropped: the launch's log buffer (${bytes} bytes) was full; ` +
        'print less, or raise createDevice({ logBytes })',
    );
  }
  return lines;
}

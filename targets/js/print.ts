// console.log on the cpu backend: each print appends one record to the launch's log buffer
// (core/printf.ts), a Uint32Array the runtime passes after the kernel's other arguments. The
// runtime runs printing kernels on the calling thread, so the buffer is module state set per run.
import type { ScalarType } from '../../core/ir/types.js';
import { LOG_HEADER_WORDS } from '../../core/printf.js';

export const LOG_HELPERS = [
  'let ks_log = null;',
  'const ks_log_f32 = new Float32Array(1), ks_log_f32w = new Uint32Array(ks_log_f32.buffer);',
  'const ks_log_f64 = new Float64Array(1), ks_log_f64w = new Uint32Array(ks_log_f64.buffer);',
  '// Reserves n words: their first index, or -1 when they do not fit (counted as dropped).',
  'function ks_log_at(n) {',
  '  const at = ks_log[0];',
  '  ks_log[0] = at + n;',
  `  const cap = ks_log.length - ${LOG_HEADER_WORDS};`,
  `  if (at < cap && cap - at >= n) return at + ${LOG_HEADER_WORDS};`,
  '  ks_log[1]++;',
  '  return -1;',
  '}',
];

/** The u32 words of a printed value of `type` (a Uint32Array store wraps i32 values to their bits). */
export function logWords(text: string, type: ScalarType): string[] {
  if (type === 'bool') return [`(${text}) ? 1 : 0`];
  if (type === 'f32' || type === 'f16') return [`(ks_log_f32[0] = ${text}, ks_log_f32w[0])`];
  if (type === 'f64') return [`(ks_log_f64[0] = ${text}, ks_log_f64w[0])`, 'ks_log_f64w[1]'];
  return [text];
}

/** The statements of one print: a reservation, then one store per word. */
export function logRecord(site: number, words: readonly string[]): string[] {
  // The site word is site + 1: zero marks words reserved past the end and never written.
  const all = [String(site + 1), ...words];
  return [
    '{',
    `  const ks_p = ks_log_at(${all.length});`,
    '  if (ks_p >= 0) {',
    ...all.map((w, i) => `    ks_log[ks_p${i === 0 ? '' : ` + ${i}`}] = ${w};`),
    '  }',
    '}',
  ];
}

// console.log on WebGPU: each print appends one record to the launch's log buffer (core/printf.ts),
// a storage buffer bound after the kernel's own (WgslLayout.logBinding); the runtime decodes it.
import type { ScalarType } from '../../core/ir/types.js';
import { LOG_HEADER_WORDS } from '../../core/printf.js';

export const LOG_BUFFER = 'ks_log';

export const logDeclaration = (binding: number): string => `@group(0) @binding(${binding}) var<storage, read_write> ${LOG_BUFFER}: array<atomic<u32>>;`;

/** Reserves n words (one atomic add on the cursor): their first index, or 0xffffffff when they do not fit (counted as dropped). */
export const LOG_HELPER = [
  'fn ks_log_at(ks_n: u32) -> u32 {',
  `  let ks_at = atomicAdd(&${LOG_BUFFER}[0], ks_n);`,
  `  let ks_cap = arrayLength(&${LOG_BUFFER}) - ${LOG_HEADER_WORDS}u;`,
  `  if (ks_at < ks_cap && ks_cap - ks_at >= ks_n) { return ks_at + ${LOG_HEADER_WORDS}u; }`,
  `  atomicAdd(&${LOG_BUFFER}[1], 1u);`,
  '  return 0xffffffffu;',
  '}',
];

/** The u32 words of a printed value of `type` (f16 never reaches here: it prints as its f32 value). */
export function logWords(text: string, type: ScalarType): string[] {
  if (type === 'bool') return [`select(0u, 1u, ${text})`];
  if (type === 'u32') return [text];
  return [`bitcast<u32>(${text})`];
}

/** The statements of one print: a reservation, then one store per word, in a block of their own. */
export function logRecord(site: number, words: readonly string[]): string[] {
  // The site word is site + 1: zero marks words reserved past the end and never written.
  const all = [`${site + 1}u`, ...words];
  return [
    '{',
    `  let ks_p = ks_log_at(${all.length}u);`,
    '  if (ks_p != 0xffffffffu) {',
    ...all.map((w, i) => `    atomicStore(&${LOG_BUFFER}[ks_p${i === 0 ? '' : ` + ${i}u`}], ${w});`),
    '  }',
    '}',
  ];
}

// How the JS target holds f16: values are plain numbers already rounded to f16, and f16 arrays are
// read and written through Uint16Array views of their bits (a platform without Float16Array uses a
// Proxy-backed polyfill, far slower per element). The functions below are emitted into kernels that
// use f16; test/ir/f16.test.ts holds them to core/f16.ts on edge and random values. f64 needs
// nothing: a JS number is an f64.

/** The Uint16Array view of an f16 argument (a Float16Array, or already its bits). */
export const F16_VIEW = 'ks_f16view';
/** The nearest f16 to a number, ties to even, ±Infinity beyond the range. */
export const F16_ROUND = 'ks_f16round';
/** The bits of an f16 value. */
export const F16_BITS = 'ks_f16bits';
/** The f16 value of each bit pattern. */
export const F16_VALUES = 'ks_f16values';

export const F16_JS = [
  `function ${F16_VIEW}(a) { return a instanceof Uint16Array ? a : new Uint16Array(a.buffer, a.byteOffset, a.length); }`,
  // The quantum of |x|'s binade (2^-24 below the normals), found exactly; `a / q` is exact and
  // Math.round rounds half up, so a tie is moved back to the even neighbour.
  `function ${F16_ROUND}(x) {`,
  '  const a = Math.abs(x);',
  '  if (!(a < 65520)) return a >= 65520 ? (x > 0 ? Infinity : -Infinity) : +x;',
  '  let q = 5.960464477539063e-8;',
  '  if (a >= 6.103515625e-5) {',
  '    let e = Math.floor(Math.log2(a));',
  '    if (2 ** e > a) e--;',
  '    else if (2 ** (e + 1) <= a) e++;',
  '    q = 2 ** (e - 10);',
  '  }',
  '  const n = a / q;',
  '  let r = Math.round(n);',
  '  if (r - n === 0.5 && r % 2 !== 0) r -= 1;',
  '  return x < 0 || Object.is(x, -0) ? -(r * q) : r * q;',
  '}',
  `function ${F16_BITS}(x) {`,
  '  if (x !== x) return 0x7e00;',
  '  const s = x < 0 || Object.is(x, -0) ? 0x8000 : 0;',
  '  const a = Math.abs(x);',
  '  if (a === Infinity) return s | 0x7c00;',
  '  if (a < 6.103515625e-5) return s | (a * 16777216);',
  '  let e = Math.floor(Math.log2(a));',
  '  if (2 ** e > a) e--;',
  '  else if (2 ** (e + 1) <= a) e++;',
  '  return s | ((e + 15) << 10) | (a * 2 ** (10 - e) - 1024);',
  '}',
  `const ${F16_VALUES} = new Float64Array(65536);`,
  'for (let b = 0; b < 65536; b++) {',
  '  const e = (b >> 10) & 31, m = b & 1023, s = b & 0x8000 ? -1 : 1;',
  `  ${F16_VALUES}[b] = e === 0 ? s * m * 5.960464477539063e-8 : e === 31 ? (m ? NaN : s * Infinity) : s * (1024 + m) * 2 ** (e - 25);`,
  '}',
];

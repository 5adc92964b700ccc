// Warp-level matrices on the cpu backend (core/matrix.ts), emulated: every lane holds the whole
// fragment (a Float32Array of 256 values, row-major), so no lane needs another's values. Loads read
// all 256 elements (f16 values are exact in f32); matrixMma computes as mmaReference does (test/ir/
// matrix.test.ts holds the two together); a store writes from lane l only the elements e with
// e % 32 == l, so each element is written once per warp. Loads and stores are also warp operations
// for the scheduler (warp.ts): all lanes of the warp meet there first, so a load sees what the
// warp stored before it, as on the GPUs. The alignment and footprint rules (matrixAccessProblem)
// are checked at every load and store, whatever the build, and throw in its words.
import type { MatrixLayout } from '../../core/ir/types.js';
import { FRAG_DIMS, matrixRule, matrixAlignment, MATRIX_SHAPE } from '../../core/matrix.js';
import { F16_VALUES } from './floats.js';

const { m, n, k } = MATRIX_SHAPE;
const ELEMS = m * n;
if (FRAG_DIMS.a[0] * FRAG_DIMS.a[1] !== ELEMS || FRAG_DIMS.b[0] * FRAG_DIMS.b[1] !== ELEMS) {
  throw new Error('the cpu emulation assumes fragments of one size (16×16×16)');
}

/** The lanes a store spreads its elements over (the cpu backend's warp size). */
const LANES = 32;

/** The checks of one element type, in the words of core/matrix.ts matrixAccessProblem (KS4060, KS4061). */
function checkHelper(elem: 'f16' | 'f32'): string[] {
  const a = matrixAlignment(elem);
  const rule = (which: 'offset' | 'stride'): string => JSON.stringify(` must be ${matrixRule(which, elem)}, but it is `);
  return [
    `function ks_mcheck_${elem}(fn, array, arr, off, st) {`,
    `  if (!(off >= 0 && off % ${a.offset} === 0)) throw new Error("KS4060: the offset of '" + fn + "'" + ${rule('offset')} + off);`,
    `  if (!(st >= 16 && st % ${a.stride} === 0)) throw new Error("KS4060: the stride of '" + fn + "'" + ${rule('stride')} + st);`,
    '  const last = off + 15 * st + 15;',
    `  if (last >= arr.length) throw new Error("KS4061: '" + fn + "' at offset " + off + " with stride " + st + " reaches element " + last + ", but '" + array + "' has " + arr.length + " elements");`,
    '}',
  ];
}

/** The helpers a kernel with matrix statements needs (f16 loads read through the f16 value table). */
export function matrixHelpers(f16: boolean): string[] {
  return [
    ...checkHelper('f32'),
    ...(f16 ? checkHelper('f16') : []),
    '// Fragment (i, j) is element i*16 + j; memory holds it at off + i*st + j (row) or off + j*st + i (col).',
    `function ks_mload(f, src, off, st, row, f16) {`,
    `  for (let i = 0; i < ${m}; i++) {`,
    `    for (let j = 0; j < ${n}; j++) {`,
    '      const v = src[row ? off + i * st + j : off + j * st + i];',
    `      f[i * ${n} + j] = f16 ? ${F16_VALUES}[v] : v;`,
    '    }',
    '  }',
    '}',
    '// d = a×b + c: each dot product summed in double (exact for f16 products), added to c, rounded once to f32.',
    '// The lanes of a warp hold equal fragments, so a call whose operands have the bits of the last call\'s',
    '// copies its result: comparing 768 values is cheaper than 4096 multiply-adds. (At first the last',
    '// operands are all +0, and so is their result: the initial state is a valid entry.)',
    `const ks_mma_t = new Float32Array(${ELEMS});`,
    `const ks_mma_in = new Int32Array(${3 * ELEMS});`,
    'function ks_mma(d, a, b, c) {',
    '  const x = new Int32Array(a.buffer, a.byteOffset, a.length), y = new Int32Array(b.buffer, b.byteOffset, b.length), z = new Int32Array(c.buffer, c.byteOffset, c.length);',
    '  let same = true;',
    `  for (let e = 0; e < ${ELEMS} && same; e++) same = x[e] === ks_mma_in[e] && y[e] === ks_mma_in[${ELEMS} + e] && z[e] === ks_mma_in[${2 * ELEMS} + e];`,
    '  if (same) { d.set(ks_mma_t); return; }',
    '  ks_mma_in.set(x, 0);',
    `  ks_mma_in.set(y, ${ELEMS});`,
    `  ks_mma_in.set(z, ${2 * ELEMS});`,
    `  for (let i = 0; i < ${m}; i++) {`,
    `    for (let j = 0; j < ${n}; j++) {`,
    '      let s = 0;',
    `      for (let p = 0; p < ${k}; p++) s += a[i * ${k} + p] * b[p * ${n} + j];`,
    `      ks_mma_t[i * ${n} + j] = Math.fround(c[i * ${n} + j] + s);`,
    '    }',
    '  }',
    '  d.set(ks_mma_t);',
    '}',
    `// Lane l writes elements l, l + ${LANES}, …: every element once per warp.`,
    'function ks_mstore(dst, off, st, row, f, lane) {',
    `  for (let e = lane; e < ${ELEMS}; e += ${LANES}) {`,
    `    const i = (e / ${n}) | 0, j = e % ${n};`,
    '    dst[row ? off + i * st + j : off + j * st + i] = f[e];',
    '  }',
    '}',
  ];
}

/** A new fragment's storage. */
export const fragAlloc = `new Float32Array(${ELEMS})`;

/** The yield that makes a load or store a meeting point of the warp (warp.ts, ks_warpStep). */
export const matrixSync = (what: 'load' | 'store'): string => `yield ['matrix', '${what}'];`;

export const isRow = (layout: MatrixLayout): string => (layout === 'row' ? 'true' : 'false');

/** The lane of the running thread: warps are 32 consecutive threads of a row (blockDim.x is a multiple of 32). */
export const LANE = `ks_tx % ${LANES}`;

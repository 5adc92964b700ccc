// Helpers that take arrays, at the IR level: the first pass inlines them (none is left for the
// targets, scalar helpers stay functions), accesses through them count for the arrays passed, a
// body whose only return is its last statement is spliced in plainly, other returns go through a
// run-once loop (with a flag for returns inside the helper's own loops), and a do…while condition
// with a call moves into the update. Execution is covered by test/cases/helper-*.ts.
import { describe, expect, it } from 'vitest';
import { compileToIR, printKernel } from '../../compiler/index.js';
import type { KernelIR, Stmt } from '../../core/ir/types.js';
import { someExprIn, visitStmts } from '../../core/ir/walk.js';
import { INLINE_FILE } from './run.js';

const H = `import { kernel, f32, i32, threadIdx, sharedArray, syncthreads, atomicAdd } from 'kernelscript';\n`;

const ir = (src: string): KernelIR => compileToIR(H + src, { fileName: INLINE_FILE });

function kinds(body: readonly Stmt[]): string[] {
  const out: string[] = [];
  visitStmts(body, (s) => void out.push(s.k));
  return out;
}

describe('helpers that take arrays', () => {
  it('are inlined and dropped; scalar helpers stay functions', () => {
    const k = ir(`function sq(v: f32): f32 { return v * v; }
function get(a: Float32Array, i: i32): f32 { return sq(a[i]); }
export const k = kernel(function (x: Float32Array, y: Float32Array) { y[0] = get(x, 1) + get(y, 2); });\n`);
    expect(k.helpers.map((h) => h.name)).toEqual(['sq']);
    expect(someExprIn(k.body, (e) => e.k === 'call' && e.fn === 'get')).toBe(false);
    expect(someExprIn(k.body, (e) => e.k === 'index' && e.array === 'x')).toBe(true);
  });

  it('count their writes and atomics for the arrays passed (global and shared)', () => {
    const k = ir(`function put(a: Float32Array, i: i32, v: f32): void { a[i] = v; }
function count(c: Int32Array, i: i32): void { atomicAdd(c, i, 1); }
export const k = kernel(function (x: Float32Array, y: Float32Array, c: Int32Array) {
  const s = sharedArray(Int32Array, 4);
  put(y, threadIdx.x, x[0]);
  count(s, 0);
  syncthreads();
  count(c, 1);
});\n`);
    expect(k.params.map((p) => (p.kind === 'array' ? `${p.name}:${p.access}${p.atomic ? ':atomic' : ''}` : p.name))).toEqual(['x:read', 'y:write', 'c:read_write:atomic']);
    expect(k.shared.map((s) => s.atomic)).toEqual([true]);
  });

  it('splice a body whose only return is the last statement, without a loop', () => {
    const k = ir(`function dot2(a: Float32Array, b: Float32Array): f32 { const s = a[0] * b[0]; return s + a[1] * b[1]; }
export const k = kernel(function (x: Float32Array, y: Float32Array) { y[2] = dot2(x, y); });\n`);
    expect(kinds(k.body)).not.toContain('loop');
    expect(kinds(k.body)).not.toContain('return');
  });

  it('run other bodies in a run-once loop, with a flag for returns inside their own loops', () => {
    const k = ir(`function find(a: Float32Array, n: i32, v: f32): i32 {
  for (let j = 0; j < n; j++) {
    if (a[j] > v) return j;
  }
  return -1;
}
export const k = kernel(function (x: Float32Array, r: Int32Array, n: i32) { r[0] = find(x, n, 0.5); });\n`);
    const text = printKernel(k);
    expect(text).toContain('find_done = true');
    expect(text).toMatch(/if find_done \{[^\n]*\n\s+break/);
    expect(kinds(k.body)).not.toContain('return');
  });

  it('move a do…while condition holding a call into the loop update', () => {
    const k = ir(`function bump(a: Float32Array): f32 { a[0] += 1; return a[0]; }
export const k = kernel(function (x: Float32Array) {
  let m = 0;
  do { m++; } while (bump(x) < 10);
  x[1] = f32(m);
});\n`);
    let loop: Extract<Stmt, { k: 'loop' }> | undefined;
    visitStmts(k.body, (s) => {
      if (s.k === 'loop' && !s.testFirst) loop = s;
    });
    expect(loop?.cond?.k).toBe('load');
    expect(loop?.update.some((s) => s.k === 'store')).toBe(true);
  });
});

// Vector misuse: one broken kernel per rule, the error's code, line and column at the `/*@*/`
// marker (as test/errors/diagnostics.test.ts checks the other rules), and WGSL's own limits.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileKernel, compileToIR } from '../../compiler/index.js';
import { diagnosticsOf, locate } from '../helpers/marked.js';

const FILE = fileURLToPath(new URL('./inline-case.ts', import.meta.url));
const H = `import { kernel, f32, i32, u32, threadIdx, sharedArray, localArray, atomicAdd, vec2f, vec3f, vec4f, vec4i, vec4u, vadd, vscale, dot, load2, load4, store2, store4 } from 'kernelscript';\n`;
const k = (params: string, body: string): string => `${H}export const k = kernel(function (${params}) {\n${body}\n});\n`;

const CASES: { code: string; what: string; src: string; target?: 'wgsl' }[] = [
  { code: 'KS2040', what: 'component a vec2f lacks', src: k('x: Float32Array', '  const v = vec2f(1, 2);\n  x[0] = v./*@*/z;') },
  { code: 'KS2040', what: 'no such component', src: k('x: Float32Array', '  const v = load4(x, 0);\n  x[0] = v./*@*/r;') },
  { code: 'KS2041', what: 'vector variable as a scalar', src: k('x: Float32Array', '  const v = vec4f(1);\n  x[0] = /*@*/v;') },
  { code: 'KS2041', what: 'vector operator on vectors', src: k('x: Float32Array', '  const v = vec4f(1);\n  x[0] = /*@*/v + v;') },
  { code: 'KS2041', what: 'vector call as a scalar', src: k('x: Float32Array', '  x[0] = /*@*/vadd(vec4f(1), vec4f(2));') },
  { code: 'KS2042', what: 'mixing vector types', src: k('x: Float32Array', '  const v = /*@*/vadd(vec4f(1), vec4i(2));\n  x[0] = v.x;') },
  { code: 'KS2042', what: 'dot of two vector types', src: k('x: Float32Array', '  x[0] = /*@*/dot(vec2f(1, 2), vec3f(1, 2, 3));') },
  { code: 'KS2043', what: 'scalar where a vector is expected', src: k('x: Float32Array, s: f32', '  const v = vadd(vec4f(1), /*@*/s);\n  x[0] = v.x;') },
  { code: 'KS2044', what: 'load4 in a loop condition', src: k('x: Float32Array', '  let i = 0;\n  while (/*@*/load4(x, i).x > 0) i++;') },
  { code: 'KS2044', what: 'load4 right of &&', src: k('x: Float32Array, n: i32', '  if (n > 0 && /*@*/load4(x, 0).y > 0) x[0] = 1;') },
  { code: 'KS2044', what: 'load4 after an atomic in its statement', src: k('x: Float32Array, c: Int32Array', '  x[1] = f32(atomicAdd(c, 0, 1)) + /*@*/load4(x, 0).y;') },
  { code: 'KS2044', what: 'a vector component with an atomic after an element read', src: k('x: Float32Array, c: Int32Array', '  x[1] = x[0] + vadd(vec4f(1), vec4f(/*@*/f32(atomicAdd(c, 0, 1)), 0, 0, 0)).x;') },
  { code: 'KS6015', what: 'a scalar for a vector parameter', src: `${H}function h(a: vec4f): f32 {\n  return a.x;\n}\nexport const k = kernel(function (x: Float32Array) {\n  x[0] = h(/*@*/x[1]);\n});\n` },
  { code: 'KS6015', what: 'a vec2f for a vec4f parameter', src: `${H}function h(a: vec4f): f32 {\n  return a.x;\n}\nexport const k = kernel(function (x: Float32Array) {\n  x[0] = h(/*@*/vec2f(1, 2));\n});\n` },
  { code: 'KS2045', what: 'helper returning a vector', src: `${H}function h(a: f32): vec4f {\n  return vec4f(a);\n}\nexport const k = kernel(function (x: Float32Array) {\n  const v = /*@*/h(1);\n  x[0] = v.x;\n});\n` },
  { code: 'KS2046', what: 'vector variable without an initializer', src: k('x: Float32Array', '  let /*@*/v: vec4f;\n  x[0] = 1;') },
  { code: 'KS2047', what: 'constructor with three values', src: k('x: Float32Array', '  const v = /*@*/vec4f(1, 2, 3);\n  x[0] = v.x;') },
  { code: 'KS2048', what: 'compound assignment to a vector', src: k('x: Float32Array', '  let v = vec4f(1);\n  /*@*/v += v;\n  x[0] = v.x;') },
  { code: 'KS2049', what: 'store4 as a value', src: k('x: Float32Array', '  const r = /*@*/store4(x, 0, vec4f(1));') },
  { code: 'KS2011', what: 'writing a component of a const', src: k('x: Float32Array', '  const v = vec4f(1);\n  /*@*/v.x = 2;\n  x[0] = v.x;') },
  { code: 'KS2011', what: 'reassigning a const vector', src: k('x: Float32Array', '  const v = vec4f(1);\n  /*@*/v = vec4f(2);\n  x[0] = v.x;') },
  { code: 'KS2003', what: 'annotation of another vector type', src: k('x: Float32Array', '  const v: vec4f = /*@*/vec4i(1);\n  x[0] = v.x;') },
  { code: 'KS2003', what: 'assigning another vector type', src: k('x: Float32Array', '  let v = vec4f(1);\n  v = /*@*/vec4u(1);\n  x[0] = v.x;') },
  { code: 'KS4030', what: 'load4 on a local array', src: k('x: Float32Array', '  const t = localArray(Float32Array, 8);\n  const v = load4(/*@*/t, 0);\n  x[0] = v.x;') },
  { code: 'KS4031', what: 'load4 on a Uint8Array', src: k('x: Float32Array, b: Uint8Array', '  const v = load4(/*@*/b, 0);\n  x[0] = f32(v.x);') },
  { code: 'KS4031', what: 'load2 on a Float64Array', src: k('x: Float32Array, d: Float64Array', '  const v = load2(/*@*/d, 0);\n  x[0] = 1;') },
  { code: 'KS4032', what: 'vector/array mismatch', src: k('x: Float32Array', '  store4(x, 0, /*@*/vec4i(1));') },
  { code: 'KS4032', what: 'store2 of a vec4f', src: k('x: Float32Array', '  store2(x, 0, /*@*/vec4f(1));') },
  { code: 'KS4033', what: 'constant vector index beyond a shared array', src: k('x: Float32Array', '  const t = sharedArray(Float32Array, 10);\n  t[threadIdx.x] = 1;\n  const v = load4(t, /*@*/2);\n  x[0] = v.x;') },
  { code: 'KS8020', what: 'vector and atomic accesses of one array (WGSL)', target: 'wgsl', src: k('x: Float32Array', '  atomicAdd(x, 0, 1);\n  /*@*/store4(x, 1, vec4f(2));') },
  { code: 'KS8021', what: 'atomic in the index of a vector-accessed array (WGSL)', target: 'wgsl', src: k('x: Float32Array, c: Int32Array', '  x[/*@*/atomicAdd(c, 0, 1)] = 1;\n  store4(x, 1, vec4f(2));') },
];

describe('vector diagnostics', () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.what}`, () => {
      const { src, line, column } = locate(c.src);
      const diags = diagnosticsOf(() =>
        c.target ? compileKernel(src, { target: c.target, fileName: FILE }) : compileToIR(src, { fileName: FILE }),
      );
      const hit = diags.find((d) => d.code === c.code);
      expect(hit, `got ${diags.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`).join('; ')}`).toBeDefined();
      expect([hit?.line, hit?.column]).toEqual([line, column]);
      if (c.target) expect(hit?.message).toContain(c.target);
    });
  }

  it('the targets that can compile such kernels still do (cuda: atomic and vector on one array)', () => {
    const src = k('x: Float32Array', '  atomicAdd(x, 0, 1);\n  store4(x, 1, vec4f(2));');
    expect(compileKernel(src, { target: 'cuda', fileName: FILE }).code).toContain('make_float4');
    expect(compileKernel(src, { target: 'js', fileName: FILE }).code).toContain('x[');
  });
});

// f16 and f64 mistakes: implicit narrowing between float types (KS2020), an f16 literal out of
// range (KS2002), and f64 in a kernel compiled for WGSL (KS8015, at the first use, naming the
// target, while cuda and js compile the same kernel). Each at the `/*@*/` marker.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileKernel, compileToIR } from '../../compiler/index.js';
import { diagnosticsOf, locate } from '../helpers/marked.js';

const FILE = fileURLToPath(new URL('./inline-case.ts', import.meta.url));
const H = `import { kernel, f16, f32, f64, i32, threadIdx } from 'kernelscript';\n`;
const k = (params: string, body: string): string => `${H}export const k = kernel(function (${params}) {\n${body}\n});\n`;

const FRONT: { code: string; what: string; src: string }[] = [
  { code: 'KS2020', what: 'f32 stored into a Float16Array', src: k('x: Float32Array, h: Float16Array', '  h[0] = /*@*/x[0] + 1;') },
  { code: 'KS2020', what: 'f32 assigned to an f16 local', src: k('x: Float32Array, h: Float16Array', '  let v: f16 = 0;\n  v = /*@*/x[0];\n  h[0] = v;') },
  { code: 'KS2020', what: 'f16 compound-assigned an f32 (the sum is f32)', src: k('x: Float32Array, h: Float16Array', '  let v: f16 = 1;\n  v += /*@*/x[0];\n  h[0] = v;') },
  { code: 'KS2020', what: 'f64 initialising an f32 local', src: k('d: Float64Array, x: Float32Array', '  const v: f32 = /*@*/d[0] * 2;\n  x[0] = v;') },
  { code: 'KS2020', what: 'f64 passed for an f16 parameter of a helper', src: `${H}function half(v: f16): f16 {\n  return v * 0.5;\n}\nexport const k = kernel(function (d: Float64Array, h: Float16Array) {\n  h[0] = half(/*@*/d[0]);\n});\n` },
  { code: 'KS2002', what: 'f16 literal beyond 65504', src: k('h: Float16Array', '  h[0] = /*@*/70000.5;') },
];

describe('f16 and f64 rules', () => {
  for (const c of FRONT) {
    it(`${c.code}: ${c.what}`, () => {
      const { src, line, column } = locate(c.src);
      const diags = diagnosticsOf(() => compileToIR(src, { fileName: FILE }));
      const hit = diags.find((d) => d.code === c.code);
      expect(hit, diags.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`).join('; ')).toBeDefined();
      expect([hit?.line, hit?.column]).toEqual([line, column]);
    });
  }

  it('KS2020 says how to convert', () => {
    const { src } = locate(FRONT[0]?.src ?? '');
    const [d] = diagnosticsOf(() => compileToIR(src, { fileName: FILE }));
    expect(d?.message).toBe('a f32 value does not fit f16 exactly, so it is not converted implicitly where f16 is expected; convert explicitly with f16(...)');
  });

  it('widening needs no conversion: int → f16/f64, f16 → f32 → f64; literals take the f16 type', () => {
    const src = k('h: Float16Array, x: Float32Array, d: Float64Array, i: i32', [
      '  const a: f32 = h[0];',
      '  const b: f64 = a + h[1];',
      '  let c: f16 = i;',
      '  c = c * 0.1 + 2;',
      '  h[2] = c;',
      '  x[0] = a;',
      '  d[0] = b + x[1] + c;',
    ].join('\n'));
    expect(() => compileToIR(src, { fileName: FILE })).not.toThrow();
  });
});

describe('f64 for WGSL (KS8015)', () => {
  const cases = [
    { what: 'a Float64Array parameter', src: k('/*@*/d: Float64Array, x: Float32Array', '  x[0] = 1;') },
    { what: 'an f64 scalar parameter', src: k('x: Float32Array, /*@*/s: f64', '  x[0] = 1;') },
    { what: 'an f64 local in an f32 kernel', src: k('x: Float32Array', '  const /*@*/v: f64 = x[0];\n  x[1] = f32(v * 3);') },
  ];
  for (const c of cases) {
    it(`at ${c.what}, naming the target; cuda and js compile it`, () => {
      const { src, line, column } = locate(c.src);
      const diags = diagnosticsOf(() => compileKernel(src, { target: 'wgsl', fileName: FILE }));
      expect(diags.map((d) => [d.code, d.line, d.column])).toEqual([['KS8015', line, column]]);
      expect(diags[0]?.message).toBe('wgsl: f64 is not supported by WGSL; use f32, or run this kernel on cuda or cpu');
      for (const t of ['cuda', 'js'] as const) expect(compileKernel(src, { target: t, fileName: FILE }).code).toContain('k');
    });
  }
});

// What `build` writes for kernels over the narrow and half-precision arrays: index.d.ts names each
// array parameter's host type (Float16Array imported from the package, since TypeScript's lib has
// one only from ES2025 on) and type-checks a launch under an ES2022 lib; the manifest keeps the
// element types.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { consumerProgram } from '../helpers/consumer-program.js';
import { manifest, signature, typings } from '../../cli/emit.js';
import type { CompiledKernel, ParamInfo } from '../../core/output.js';
import { ROOT } from './run-cli.js';

const params: ParamInfo[] = [
  { name: 'src', kind: 'array', type: 'u8', access: 'read' },
  { name: 'dst', kind: 'array', type: 'i8', access: 'write' },
  { name: 'w', kind: 'array', type: 'u16', access: 'read' },
  { name: 'z', kind: 'array', type: 'i16', access: 'read' },
  { name: 'h', kind: 'array', type: 'f16', access: 'read' },
  { name: 'd', kind: 'array', type: 'f64', access: 'read' },
  { name: 'n', kind: 'scalar', type: 'i32' },
];
const k: CompiledKernel = {
  target: 'js',
  name: 'narrow',
  code: '',
  entryPoint: 'narrow',
  params,
  hash: '0',
  meta: { usesBarrier: false, sharedBytes: 0, atomicParams: [] },
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('typings and manifest of narrow element types', () => {
  it('spell each array parameter as its host array', () => {
    expect(signature(params)).toBe(
      '(src: Uint8Array, dst: Int8Array, w: Uint16Array, z: Int16Array, h: Float16Array, d: Float64Array, n: i32) => void',
    );
    const text = typings([{ name: 'narrow', file: '/p/app/k.ts', line: 1, column: 1, outputs: { js: k } }], ['js']);
    expect(text).toContain("import type { Kernel, Float16Array, i32 } from 'kernelscript/runtime';");
    const m = manifest('0.0.0', ['js'], [{ name: 'narrow', file: '/p/app/k.ts', line: 1, column: 1, outputs: { js: k } }], '/p');
    expect(m.kernels[0]?.params.map((p) => p.type)).toEqual(['u8', 'i8', 'u16', 'i16', 'f16', 'f64', 'i32']);
  });

  it('type-check a launch under an ES2022 lib, and refuse a wrong element type', () => {
    const d = mkdtempSync(join(tmpdir(), 'ks-dts-narrow-'));
    dirs.push(d);
    writeFileSync(join(d, 'index.d.ts'), typings([{ name: 'narrow', file: '/p/app/k.ts', line: 1, column: 1, outputs: { js: k } }], ['js']));
    writeFileSync(
      join(d, 'use.ts'),
      [
        "import { Float16Array, type Device } from 'kernelscript/runtime';",
        "import { narrow } from './index.js';",
        'declare const gpu: Device;',
        'const cfg = { grid: 1, block: 64 };',
        'const src = gpu.alloc(Uint8Array, 8);',
        'const w = gpu.alloc(Uint16Array, 8);',
        'gpu.launch(narrow, cfg, src, gpu.alloc(Int8Array, 8), w, gpu.alloc(Int16Array, 8), gpu.array(new Float16Array(8)), gpu.alloc(Float64Array, 8), 8);',
        'gpu.launch(narrow, cfg, src, gpu.alloc(Int8Array, 8), w, gpu.alloc(Int16Array, 8), w, gpu.alloc(Float64Array, 8), 8);',
        '',
      ].join('\n'),
    );
    const program = consumerProgram(join(d, 'use.ts'), ROOT);
    const diags = ts.getPreEmitDiagnostics(program).map((x) => ({
      line: x.file && x.start !== undefined ? x.file.getLineAndCharacterOfPosition(x.start).line + 1 : 0,
      text: ts.flattenDiagnosticMessageText(x.messageText, '\n'),
    }));
    // Only the second launch, which passes a Uint16Array where the kernel takes a Float16Array.
    expect(diags.map((x) => x.line)).toEqual([8]);
    expect(diags[0]?.text).toMatch(/Uint16Array.*is not assignable to parameter of type 'DeviceArray<Float16Array/s);
  });
});

// The cuda device passes a debug build's hidden parameters (one i32 length per array parameter,
// then the fault record) in the order the CUDA target declares them: checked on the printed
// signature, so it holds without a GPU.
import { describe, expect, it } from 'vitest';
import { compileKernel, listKernels } from '../../compiler/index.js';
import { launchParams } from '../../runtime/cuda/device.js';
import { FILE, SOURCE } from './planted.js';

const C_TYPE = { f32: 'float', f16: 'unsigned short', f64: 'double', i32: 'int', u32: 'unsigned int', bool: 'bool' } as const;

describe('cuda launch parameters of debug builds', () => {
  for (const kernel of listKernels(SOURCE, FILE)) {
    it(`${kernel}: one slot per declared parameter, in order, of the declared type`, () => {
      const k = compileKernel(SOURCE, { target: 'cuda', kernel, fileName: FILE, debug: true });
      const signature = new RegExp(`__global__ void ${k.entryPoint}\\(([^)]*)\\)`).exec(k.code)?.[1] ?? '';
      const declared = signature.split(', ').map((p) => p.replace(/\s*\S+$/, '').replace('* __restrict__', '*').replace(/^const /, ''));
      const slots = launchParams(k).map((p) => (p.kind === 'array' ? `${p.type === 'f32' ? 'float' : p.type === 'i32' ? 'int' : 'unsigned int'}*` : C_TYPE[p.type]));
      expect(declared).toEqual(slots);
      expect(slots.slice(-1)).toEqual(['unsigned int*']);
      const plain = compileKernel(SOURCE, { target: 'cuda', kernel, fileName: FILE });
      expect(launchParams(plain)).toBe(plain.params);
    });
  }
});

import { create, globals } from 'webgpu';
import { emitKernel } from '../../targets/index.js';
import { FIXTURES } from './fixtures.js';
Object.assign(globalThis, globals);
const adapter = await create([]).requestAdapter();
const device = await adapter!.requestDevice();
console.log('device ok');
for (const fx of FIXTURES) {
  const u = emitKernel(fx.ir, 'wgsl'); console.log('->', fx.ir.name);
  const module = device.createShaderModule({ code: u.code });
  const info = await module.getCompilationInfo();
  for (const m of info.messages) console.log(fx.ir.name, m.type, m.lineNum, m.message);
  device.pushErrorScope('validation');
  device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: u.entryPoint, constants: { ks_block_x: 8, ks_block_y: 4, ks_block_z: 2 } } });
  const err = await device.popErrorScope();
  console.log(fx.ir.name, err ? err.message : 'ok');
}

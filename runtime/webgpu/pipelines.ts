// Shader modules, layouts and compute pipelines, cached per device: modules and layouts per kernel
// content (kernelKey), pipelines per (content, block shape) since blockDim is a pipeline-overridable
// constant.
// Pipeline creation is asynchronous; a failure becomes a KernelLoadError naming the kernel, thrown
// by the synchronize()/read() that needed it.
import type { CompiledKernel, WgslLayout } from '../../core/output.js';
import type { Dim3Tuple } from '../device.js';
import { KernelLoadError } from '../errors.js';
import { kernelKey } from '../kernel-key.js';
import { STAGE_COMPUTE } from './flags.js';

export interface KernelLayout {
  bindGroup: GPUBindGroupLayout;
  pipeline: GPUPipelineLayout;
}

export class PipelineCache {
  private readonly modules = new Map<string, GPUShaderModule>();
  private readonly layouts = new Map<string, KernelLayout>();
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();

  constructor(private readonly device: GPUDevice) {}

  layout(kernel: CompiledKernel, wgsl: WgslLayout): KernelLayout {
    let l = this.layouts.get(kernelKey(kernel));
    if (!l) {
      // An explicit layout (not 'auto') so that parameters the shader never touches still bind.
      const entries: GPUBindGroupLayoutEntry[] = [
        // A dynamic offset lets launches of one batch share a bind group (see batch.ts).
        { binding: wgsl.uniformBinding, visibility: STAGE_COMPUTE, buffer: { type: 'uniform', hasDynamicOffset: true } },
        ...wgsl.arrayBindings.map(
          (b): GPUBindGroupLayoutEntry => ({
            binding: b.binding,
            visibility: STAGE_COMPUTE,
            buffer: { type: b.access === 'read' ? 'read-only-storage' : 'storage' },
          }),
        ),
      ];
      // A debug build's fault record (core/output.ts).
      if (wgsl.faultBinding !== undefined) entries.push({ binding: wgsl.faultBinding, visibility: STAGE_COMPUTE, buffer: { type: 'storage' } });
      // A printing kernel's log buffer (core/printf.ts).
      if (wgsl.logBinding !== undefined) entries.push({ binding: wgsl.logBinding, visibility: STAGE_COMPUTE, buffer: { type: 'storage' } });
      const bindGroup = this.device.createBindGroupLayout({ label: `${kernel.name} bindings`, entries });
      const pipeline = this.device.createPipelineLayout({ label: kernel.name, bindGroupLayouts: [bindGroup] });
      l = { bindGroup, pipeline };
      this.layouts.set(kernelKey(kernel), l);
    }
    return l;
  }

  pipeline(kernel: CompiledKernel, wgsl: WgslLayout, block: Dim3Tuple): Promise<GPUComputePipeline> {
    const key = `${block.join(',')}|${kernelKey(kernel)}`;
    let p = this.pipelines.get(key);
    if (!p) {
      const layout = this.layout(kernel, wgsl).pipeline;
      const module = this.module(kernel);
      const [ox, oy, oz] = wgsl.blockOverrides;
      const constants: Record<string, number> = { [ox]: block[0], [oy]: block[1], [oz]: block[2] };
      p = this.build(kernel, module, layout, constants);
      // Rejections surface when a batch awaits the pipeline; this keeps Node from reporting them early.
      p.catch(() => undefined);
      this.pipelines.set(key, p);
    }
    return p;
  }

  private module(kernel: CompiledKernel): GPUShaderModule {
    let m = this.modules.get(kernelKey(kernel));
    if (!m) {
      // Compile errors are read from getCompilationInfo(); the scope keeps them from also being
      // reported as uncaptured device errors.
      this.device.pushErrorScope('validation');
      m = this.device.createShaderModule({ label: kernel.name, code: kernel.code });
      void this.device.popErrorScope().catch(() => undefined);
      this.modules.set(kernelKey(kernel), m);
    }
    return m;
  }

  private async build(
    kernel: CompiledKernel,
    module: GPUShaderModule,
    layout: GPUPipelineLayout,
    constants: Record<string, number>,
  ): Promise<GPUComputePipeline> {
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) {
      const lines = errors.map((m) => `  ${m.lineNum}:${m.linePos} ${m.message}`).join('\n');
      throw new KernelLoadError(`kernel '${kernel.name}': its generated WGSL does not compile:\n${lines}`);
    }
    try {
      return await this.device.createComputePipelineAsync({
        label: kernel.name,
        layout,
        compute: { module, entryPoint: kernel.entryPoint, constants },
      });
    } catch (e) {
      throw new KernelLoadError(`kernel '${kernel.name}': creating its compute pipeline failed: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }
}

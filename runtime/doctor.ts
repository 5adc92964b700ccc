// `kernelscript doctor`: which backends work on this machine and, for each that does not, why.
// The report is data first (what `--json` prints) and the text lines are made from it, so the two
// forms carry the same facts. Also runnable alone: `npx tsx runtime/doctor.ts` (exit status 0 when
// a GPU works: cuda, or webgpu on an adapter that is not a software renderer).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultCudaCacheDir } from './cuda/cache.js';
import { probeCuda, type CudaProbe } from './cuda/index.js';
import { probeBackends, type BackendProbe } from './index.js';
import type { Backend } from './types.js';
import { adapterFacts, requestAdapter, type AdapterFacts } from './webgpu/gpu.js';
import { NEEDED_CONFIG, configText, type SubgroupMatrixConfig } from './matrix.js';

export interface DoctorReport {
  backends: BackendProbe[];
  cuda: {
    /** The driver's CUDA version, when the driver loads. */
    driverVersion: string | null;
    devices: NonNullable<CudaProbe['devices']>;
    /** What was found of each compiler: a version and path, or why not. */
    nvrtc: string;
    nvcc: string;
    cache: string;
  };
  /**
   * The adapter the webgpu backend uses (null when it does not start), and what its subgroup matrix
   * configurations mean for matrix operations (`matrix`, the text line).
   */
  webgpu: (AdapterFacts & { matrix: string }) | null;
  /** The backend createDevice() picks ('auto'), or null when none starts. */
  picks: Backend | null;
  /** True when a GPU does the work: cuda, or webgpu on an adapter that is not a software renderer. */
  gpu: boolean;
  /** The text form. */
  lines: string[];
}

export async function doctor(): Promise<DoctorReport> {
  const backends = await probeBackends();
  const probe = probeCuda();
  const cuda = {
    driverVersion: probe.driverVersion ?? null,
    devices: probe.devices ?? [],
    nvrtc: probe.compilers.nvrtc,
    nvcc: probe.compilers.nvcc,
    cache: defaultCudaCacheDir(),
  };
  const ok = (b: Backend): boolean => backends.some((p) => p.backend === b && p.ok);
  const webgpu = ok('webgpu') ? await webGpuFacts() : null;
  const picks = backends.find((b) => b.ok)?.backend ?? null;
  const gpu = ok('cuda') || (webgpu !== null && !webgpu.software);
  const report = { backends, cuda, webgpu, picks, gpu };
  return { ...report, lines: textLines(report) };
}

/** The adapter's subgroup matrix configurations, and whether matrix operations run on them. */
export function matrixLine(configs: readonly SubgroupMatrixConfig[]): string {
  const fits = configs.some((c) => configText(c) === configText(NEEDED_CONFIG));
  const list = configs.length === 0 ? 'no subgroup matrices' : `subgroup matrices ${configs.map(configText).join(', ')}`;
  return `${list}; matrix operations ${fits ? 'run' : `need ${configText(NEEDED_CONFIG)}`}`;
}

async function webGpuFacts(): Promise<DoctorReport['webgpu']> {
  try {
    const adapter = await requestAdapter();
    if (!adapter) return null;
    const facts = adapterFacts(adapter.info);
    return { ...facts, matrix: matrixLine(facts.matrixConfigs) };
  } catch {
    return null;
  }
}

const SOFTWARE_NOTE = 'software renderer: runs on the CPU, no GPU in use';

function textLines(r: Omit<DoctorReport, 'lines'>): string[] {
  const lines = ['kernelscript doctor', ''];
  for (const b of r.backends) {
    const status = b.ok ? `ok    ${b.name ?? ''}` : `no    ${b.reason ?? 'unknown reason'}`;
    lines.push(`  ${b.backend.padEnd(7)} ${status}`);
    if (b.backend === 'cuda') {
      if (r.cuda.driverVersion) lines.push(`          driver: CUDA ${r.cuda.driverVersion}`);
      for (const d of r.cuda.devices) lines.push(`          device: ${d.name} (${d.arch}, ${d.memoryMiB} MiB)`);
      lines.push(`          nvrtc:  ${r.cuda.nvrtc}`);
      lines.push(`          nvcc:   ${r.cuda.nvcc}`);
      lines.push(`          cache:  ${r.cuda.cache}`);
    }
    if (b.backend === 'webgpu' && r.webgpu) lines.push(`          matrix: ${r.webgpu.matrix}`);
    if (b.backend === 'webgpu' && r.webgpu?.software) lines.push(`          ${SOFTWARE_NOTE}`);
  }
  const soft = r.picks === 'webgpu' && r.webgpu?.software ? ' (a software renderer)' : '';
  lines.push('', `createDevice() picks: ${r.picks ? `${r.picks}${soft}` : 'nothing (no backend works)'}`);
  return lines;
}

function isMain(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const report = await doctor();
  console.log(report.lines.join('\n'));
  process.exitCode = report.gpu ? 0 : 1;
}

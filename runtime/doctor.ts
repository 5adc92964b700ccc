// `kernelscript doctor`: which backends work on this machine and, for each that does not, why.
// Also runnable alone: `npx tsx runtime/doctor.ts` (exit status 0 when at least one GPU backend works).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultCudaCacheDir } from './cuda/cache.js';
import { probeCuda } from './cuda/index.js';
import { probeBackends, type BackendProbe } from './index.js';

export interface DoctorReport {
  backends: BackendProbe[];
  /** Lines to print. */
  lines: string[];
  /** True when cuda or webgpu works. */
  gpu: boolean;
}

export async function doctor(): Promise<DoctorReport> {
  const backends = await probeBackends();
  const cuda = probeCuda();
  const lines = ['kernelscript doctor', ''];
  for (const b of backends) {
    const status = b.ok ? `ok    ${b.name ?? ''}` : `no    ${b.reason ?? 'unknown reason'}`;
    lines.push(`  ${b.backend.padEnd(7)} ${status}`);
    if (b.backend === 'cuda') {
      if (cuda.driverVersion) lines.push(`          driver: CUDA ${cuda.driverVersion}`);
      for (const d of cuda.devices ?? []) lines.push(`          device: ${d.name} (${d.arch}, ${d.memoryMiB} MiB)`);
      lines.push(`          nvrtc:  ${cuda.compilers.nvrtc}`);
      lines.push(`          nvcc:   ${cuda.compilers.nvcc}`);
      lines.push(`          cache:  ${defaultCudaCacheDir()}`);
    }
  }
  const gpu = backends.some((b) => b.ok && b.backend !== 'cpu');
  const chosen = backends.find((b) => b.ok);
  lines.push('', `createDevice() picks: ${chosen ? chosen.backend : 'nothing (no backend works)'}`);
  return { backends, lines, gpu };
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

// `kernelscript doctor`: reports which backends work here. Uses the runtime's doctor report when
// the runtime has one, else its backend probe.
interface Probe {
  backend: string;
  ok: boolean;
  reason?: string;
  name?: string;
}

// Computed, so that a runtime without a doctor module is a fallback rather than a load error.
const DOCTOR_MODULE = '../../runtime/doctor.js';

export async function runDoctor(json: boolean, stdout: (s: string) => void): Promise<number> {
  const report = await probe();
  if (json) stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (typeof report === 'string') stdout(report.endsWith('\n') ? report : `${report}\n`);
  else if (isProbeList(report)) stdout(formatProbes(report));
  else stdout(`${JSON.stringify(report, null, 2)}\n`);
  if (isProbeList(report)) return report.some((p) => p.ok) ? 0 : 1;
  return 0;
}

async function probe(): Promise<unknown> {
  try {
    const mod = (await import(/* @vite-ignore */ DOCTOR_MODULE)) as Record<string, unknown>;
    const fn = Object.values(mod).find((v): v is () => unknown => typeof v === 'function');
    if (fn) return await fn();
  } catch {
    // no doctor module: fall back to the probe
  }
  const { probeBackends } = await import('../../runtime/index.js');
  return probeBackends();
}

function isProbeList(x: unknown): x is Probe[] {
  return Array.isArray(x) && x.every((p) => typeof p === 'object' && p !== null && 'backend' in p && 'ok' in p);
}

function formatProbes(probes: Probe[]): string {
  const width = Math.max(...probes.map((p) => p.backend.length));
  const lines = probes.map(
    (p) => `  ${p.ok ? 'ok  ' : 'no  '} ${p.backend.padEnd(width)}  ${p.ok ? (p.name ?? '') : (p.reason ?? '')}`,
  );
  const usable = probes.filter((p) => p.ok).map((p) => p.backend);
  const verdict = usable.length ? `createDevice() will use: ${usable[0]}` : 'no backend can run kernels here';
  return `Backends:\n${lines.join('\n')}\n${verdict}\n`;
}

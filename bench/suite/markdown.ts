// bench/results/<date>.md: the run's machine and method, every figure (KernelScript and peers)
// with its check, and every ratio.
import { ROW_TITLES, type BenchReport, type Measurement, type Rate } from './types.js';

export const fmtMs = (ms: number): string =>
  ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${ms.toPrecision(3)} ms`;
export const fmtRate = (r: Rate): string => `${r.value >= 100 ? r.value.toFixed(0) : r.value.toPrecision(3)} ${r.unit}`;
export const fmtRatio = (x: number): string => `${x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`;
const fmtErr = (x: number): string => (x === 0 ? '0' : x.toExponential(1));

function figure(m: Measurement): string[] {
  const by = m.by === 'kernelscript' ? 'KernelScript' : 'peer';
  const head = [ROW_TITLES[m.row], m.size, m.impl, by, m.backend];
  const check = m.check ? `${fmtErr(m.check.error)} ≤ ${fmtErr(m.check.tolerance)}` : '';
  if (m.status !== 'ok') return [...head, `**${m.status}**: ${m.reason ?? ''}`, '', check];
  return [...head, fmtMs(m.ms ?? NaN), m.rate ? fmtRate(m.rate) : '', check];
}

const row = (cells: string[]): string => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;

export function markdown(r: BenchReport, files: { svg: string }): string {
  const gpus = r.machine.gpus?.map((g) => `${g.name} (driver ${g.driver}, ${g.memory})`).join('; ') ?? 'none found (no nvidia-smi)';
  const backends = r.backends
    .map((b) => (b.device ? `${b.backend}: ${b.device} (${b.sizes} sizes)` : `${b.backend}: not run (${b.reason})`))
    .join('; ');
  const v = r.peers.versions;
  const peers = v
    ? Object.entries(v).map(([k, x]) => `${k} ${x ?? 'absent'}`).join(', ')
    : `not run (${r.peers.reason})`;
  const lines = [
    `# KernelScript benchmarks, ${r.date}${r.quick ? ' (quick sizes)' : ''}`,
    '',
    `Commit \`${r.commit}\`. \`${['bench/run.ts', ...r.args].join(' ')}\`, ${(r.seconds / 60).toFixed(1)} minutes.`,
    '',
    `- GPUs: ${gpus}`,
    `- CPU: ${r.machine.cpu}, ${r.machine.cores} cores; ${r.machine.os}; Node ${r.machine.node}`,
    `- Backends: ${backends}`,
    `- Peers (bench/peers_all.py): ${peers}`,
    '',
    'Every figure was checked against its reference (float64) before it was timed; the check column',
    'gives the error found and the tolerance. Times are medians: of several timings of several',
    'launches each (alternating between two input sets in separate buffers), device time from',
    '`gpu.time()` (CUDA events; WebGPU timestamp queries; the wall clock on cpu) and CUDA events in',
    'Python; training rows time whole warm training runs (their final reads included). Ratios are',
    'peer time ÷ KernelScript time, at the same size on the same kind of device: 1× is parity,',
    `above 1× KernelScript is faster. Chart of the ratios to each row's reference peer: [${files.svg}](${files.svg}).`,
    '',
    '## Figures',
    '',
    row(['row', 'size', 'implementation', 'by', 'device', 'median', 'rate', 'check: error ≤ tolerance']),
    row(['---', '---', '---', '---', '---', '---:', '---:', '---:']),
    ...r.measurements.map((m) => row(figure(m))),
    '',
    '## Ratios',
    '',
  ];
  if (r.ratios.length === 0) {
    lines.push('No peer figure to compare with in this run.');
  } else {
    lines.push(
      row(['row', 'size', 'KernelScript', 'device', 'peer', 'peer device', 'peer time ÷ KernelScript time']),
      row(['---', '---', '---', '---', '---', '---', '---:']),
      ...r.ratios.map((x) => row([ROW_TITLES[x.row], x.size, x.impl, x.backend, `${x.peer}${x.reference ? ' (reference)' : ''}`, x.peerBackend, fmtRatio(x.speed)])),
    );
  }
  lines.push('', `Sizes per kind of device: \`${JSON.stringify(r.sizes)}\``, '');
  return lines.join('\n');
}

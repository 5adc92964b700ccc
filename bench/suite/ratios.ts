// KernelScript figures over peer figures: only at the same row and size, and only on the same kind
// of device (GPU backends against GPU peers, the cpu backend against NumPy).
import type { Backend } from '../../index.js';
import type { Measurement, Ratio } from './types.js';

const kind = (b: Backend): 'cpu' | 'gpu' => (b === 'cpu' ? 'cpu' : 'gpu');

export function ratios(ms: readonly Measurement[]): Ratio[] {
  const ok = ms.filter((m) => m.status === 'ok' && m.ms !== undefined && m.ms > 0);
  const out: Ratio[] = [];
  for (const k of ok.filter((m) => m.by === 'kernelscript')) {
    for (const p of ok.filter((m) => m.by === 'peer' && m.row === k.row && m.size === k.size && kind(m.backend) === kind(k.backend))) {
      out.push({
        row: k.row, size: k.size, impl: k.impl, backend: k.backend, peer: p.impl, peerBackend: p.backend,
        speed: (p.ms as number) / (k.ms as number), reference: p.reference === true,
      });
    }
  }
  return out;
}

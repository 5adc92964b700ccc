// `kernelscript doctor`: the runtime's report of which backends work here and why the others do not.
import { doctor } from '../runtime/doctor.js';

/** Exit status 0 when a GPU backend (cuda or webgpu) works, 1 when only the cpu backend does. */
export async function runDoctor(json: boolean, stdout: (s: string) => void): Promise<number> {
  const report = await doctor();
  if (json) stdout(`${JSON.stringify({ backends: report.backends, gpu: report.gpu }, null, 2)}\n`);
  else stdout(`${report.lines.join('\n')}\n`);
  return report.gpu ? 0 : 1;
}

// `kernelscript doctor`: the runtime's report of which backends work here and why the others do not.
import { doctor } from '../runtime/doctor.js';

/** Exit status 0 when a GPU works (cuda, or webgpu on a hardware adapter), else 1. */
export async function runDoctor(json: boolean, stdout: (s: string) => void): Promise<number> {
  const { lines, ...report } = await doctor();
  // --json carries every fact the text shows: the text is made from this same data.
  if (json) stdout(`${JSON.stringify(report, null, 2)}\n`);
  else stdout(`${lines.join('\n')}\n`);
  return report.gpu ? 0 : 1;
}

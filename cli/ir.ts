// `--emit ir`: the IR of every kernel in a file, as the IR printer writes it.
import { compileToIR, listKernels, printKernel } from '../compiler/index.js';

export function irOf(file: string, text: string): string {
  return listKernels(text, file)
    .map((name) => `// ${name} (${file})\n${printKernel(compileToIR(text, { kernel: name, fileName: file }))}`)
    .join('\n');
}

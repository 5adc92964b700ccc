// console.log on CUDA: one device printf per print statement, its format the whole line (the
// prefix's kernel, file and line are known here and written into it; block and thread are its
// first six arguments). CUDA prints the lines to the process's stdout at the next synchronizing call.
import type { ScalarType } from '../../core/ir/types.js';
import { PRINT_COORDS, cSpec, siteSpecs, type Conv, type PrintSite } from '../../core/printf.js';
import { InternalCompilerError } from '../../core/diagnostics/diagnostic.js';

/** Text as the inside of a C string literal, `%` doubled: printable ASCII as it is, anything else as octal escapes of its UTF-8 bytes. */
export function cFormatText(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text.replace(/%/g, '%%'))) {
    const c = String.fromCharCode(byte);
    if (c === '\\' || c === '"' || c === '?') out += `\\${c}`;
    else if (byte >= 0x20 && byte < 0x7f) out += c;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/** A value as the C type its conversion reads: int, unsigned int, double, or a string for %s of a bool. */
function vararg(text: string, type: ScalarType, conv: Conv): string {
  if (type === 'f16') throw new InternalCompilerError('an f16 value reached printf (the front end prints its f32 value)');
  if (conv === 's') return `(${text}) ? "true" : "false"`;
  if (conv === 'f' || conv === 'e' || conv === 'g') return type === 'f64' ? text : `(double)(${text})`;
  // %d/%i of a u32 is spelled %u (cSpec); %u, %x and %X read an unsigned int.
  const unsigned = conv === 'u' || conv === 'x' || conv === 'X' || type === 'u32';
  return unsigned ? `(unsigned int)(${text})` : `(int)(${text})`;
}

/** The printf statement of a print of `site`, given its printed arguments (coordinates, then values) and their types. */
export function printfStatement(kernel: string, site: PrintSite, args: readonly { text: string; type: ScalarType }[]): string {
  const specs = siteSpecs(site);
  let format = `${cFormatText(`[${kernel} block (`)}%d,%d,%d) thread (%d,%d,%d) ${cFormatText(`${site.file}:${site.line}] `)}`;
  for (const p of site.pieces) format += typeof p === 'string' ? cFormatText(p) : cSpec(p);
  const values = args.slice(PRINT_COORDS).map((a, i) => vararg(a.text, a.type, specs[i]?.conv ?? 'd'));
  return `printf("${format}\\n", ${[...args.slice(0, PRINT_COORDS).map((a) => a.text), ...values].join(', ')});`;
}

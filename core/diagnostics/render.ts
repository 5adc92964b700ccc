// tsc-style rendering: `file.ts:3:11 - error KS2001: message` (or `- warning KS9001: …`), then
// the source line with a line-number gutter and a ~~~ underline under the span.
import type { Diagnostic, SourceLookup } from './diagnostic.js';

export interface RenderOptions {
  color?: boolean;
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function render(diags: readonly Diagnostic[], sources: SourceLookup | string, opts: RenderOptions = {}): string {
  const lookup: SourceLookup = typeof sources === 'string' ? () => sources : sources;
  const color = opts.color ?? false;
  const out: string[] = [];
  // Each file is split into lines once, however many diagnostics it has.
  const split = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!split.has(file)) split.set(file, lookup(file)?.split(/\r?\n/));
    return split.get(file);
  };
  for (const d of diags) {
    const severity = d.severity ?? 'error';
    const head =
      `${paint(color, '96', d.file)}:${paint(color, '93', String(d.line))}:${paint(color, '93', String(d.column))}` +
      ` - ${paint(color, SEVERITY_COLOR[severity], severity)} ${paint(color, '90', d.code)}: ${d.message}`;
    out.push(head);
    const frame = codeFrame(d, linesOf(d.file), color);
    if (frame) out.push('', frame, '');
  }
  if (diags.length > 1) out.push(`Found ${summary(diags)}.`);
  return out.join('\n');
}

const SEVERITY_COLOR = { error: '91', warning: '93' } as const;

/** '3 errors', '2 warnings', '1 error and 2 warnings'. */
export function summary(diags: readonly Diagnostic[]): string {
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  const errors = diags.length - warnings;
  const n = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
  if (warnings === 0) return n(errors, 'error');
  return errors === 0 ? n(warnings, 'warning') : `${n(errors, 'error')} and ${n(warnings, 'warning')}`;
}

function codeFrame(d: Diagnostic, lines: readonly string[] | undefined, color: boolean): string | null {
  const line = lines?.[d.line - 1];
  if (line === undefined) return null;
  return frameLines(d, line, color, SEVERITY_COLOR[d.severity ?? 'error']).join('\n');
}

/** Where a frame underlines: a 1-based line and columns; a span that goes on is marked to the line's end. */
export interface FramedSpan {
  line: number;
  column: number;
  endLine?: number | undefined;
  endColumn?: number | undefined;
}

/**
 * The source line `text` of `span` with a line-number gutter, then a ~~~ underline under the span
 * (at least one character, as tsc does). Also used for the runtime's debug reports.
 */
export function frameLines(span: FramedSpan, text: string, color = false, mark: string = SEVERITY_COLOR.error): [string, string] {
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  const endCol = span.endLine === span.line && span.endColumn !== undefined ? span.endColumn : text.length + 1;
  const marks = ' '.repeat(Math.max(0, span.column - 1)) + '~'.repeat(Math.max(1, endCol - span.column));
  return [`${paint(color, '7', gutter)} ${text}`, `${paint(color, '7', pad)} ${paint(color, mark, marks)}`];
}

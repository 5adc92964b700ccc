// Diagnostics: what the compiler reports about user code, and the errors that carry them.
import type { Span } from '../ir/types.js';
import { formatMessage, isWarning, type Code } from './codes.js';
import { render } from './render.js';

export interface Diagnostic {
  file: string;
  /** 1-based, as tsc reports it. */
  line: number;
  /** 1-based, counted in characters as tsc counts them. */
  column: number;
  code: Code;
  message: string;
  endLine?: number;
  endColumn?: number;
  /** Absent means 'error'; makeDiagnostic sets 'warning' for the warning codes (KS9xxx). */
  severity?: 'error' | 'warning';
}

export function makeDiagnostic(span: Span, code: Code, ...args: (string | number)[]): Diagnostic {
  return {
    file: span.file,
    line: span.line,
    column: span.column,
    code,
    message: formatMessage(code, args),
    endLine: span.endLine,
    endColumn: span.endColumn,
    ...(isWarning(code) ? { severity: 'warning' as const } : {}),
  };
}

/** Source texts by file name, for code frames. */
export type SourceLookup = (file: string) => string | undefined;

/** User code broke the language's rules. `message` is the tsc-like rendering with code frames. */
export class KernelCompileError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], sources: SourceLookup = () => undefined) {
    super(render(diagnostics, sources));
    this.name = 'KernelCompileError';
    this.diagnostics = diagnostics;
  }
}

/** The compiler itself is wrong (e.g. it produced IR that fails verification). */
export class InternalCompilerError extends Error {
  constructor(message: string) {
    super(`internal compiler error: ${message}`);
    this.name = 'InternalCompilerError';
  }
}

/** Collects diagnostics so that compilation can go on after an error and report them all. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  report(span: Span, code: Code, ...args: (string | number)[]): void {
    const d = makeDiagnostic(span, code, ...args);
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity !== 'warning');
  }
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

// Command-line parsing into a typed command. Usage errors are values, not exceptions, so that the
// caller can print them with a hint and exit with status 2.
import { parseArgs } from 'node:util';
import { TARGETS, type Target } from '../core/output.js';

export type Emit = 'ir' | 'code';

export interface CompileArgs {
  files: string[];
  targets: Target[];
  out: string;
  ptx: boolean;
  arch: string;
  emit: Emit | null;
  watch: boolean;
  cache: boolean;
  cacheDir: string | null;
  /** null: decide from the terminal. */
  color: boolean | null;
  quiet: boolean;
  /** check with an explicit --target: also report each kernel's resource use (resources.ts). */
  resources: boolean;
}

/** Backend names a --target may use instead of the target's own (`--target webgpu`). */
const BACKEND_ALIASES: Readonly<Record<string, Target>> = { webgpu: 'wgsl', cpu: 'js' };

export type Command =
  | { kind: 'help'; topic: string | null }
  | { kind: 'version' }
  | ({ kind: 'build' } & CompileArgs)
  | ({ kind: 'check' } & CompileArgs)
  | { kind: 'doctor'; json: boolean }
  | { kind: 'usage-error'; message: string; topic: string | null };

const COMMANDS = new Set(['build', 'check', 'doctor', 'help']);

export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') return { kind: 'help', topic: null };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (!COMMANDS.has(first)) {
    const what = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    return { kind: 'usage-error', message: what, topic: null };
  }
  if (first === 'help') {
    const topic = rest[0] ?? null;
    if (topic !== null && !COMMANDS.has(topic)) return { kind: 'usage-error', message: `unknown command '${topic}'`, topic: null };
    return { kind: 'help', topic };
  }
  try {
    if (first === 'doctor') return parseDoctor(rest);
    return parseCompile(first as 'build' | 'check', rest);
  } catch (e) {
    // parseArgs reports unknown options and missing values with its own wording; keep its text.
    const msg = e instanceof Error ? e.message.replace(/\. To specify a positional.*$/s, '') : String(e);
    return { kind: 'usage-error', message: lowerFirst(msg), topic: first };
  }
}

function parseDoctor(args: string[]): Command {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) return { kind: 'help', topic: 'doctor' };
  return { kind: 'doctor', json: values.json === true };
}

function parseCompile(kind: 'build' | 'check', args: string[]): Command {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      target: { type: 'string', short: 't', multiple: true },
      out: { type: 'string', short: 'o' },
      ptx: { type: 'boolean' },
      arch: { type: 'string' },
      emit: { type: 'string' },
      watch: { type: 'boolean', short: 'w' },
      'no-cache': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help', topic: kind };
  const err = (message: string): Command => ({ kind: 'usage-error', message, topic: kind });
  if (kind === 'check') {
    // --arch stays: it picks the GPU of the cuda resource report.
    for (const o of ['out', 'ptx', 'no-cache', 'cache-dir'] as const) {
      if (values[o] !== undefined) return err(`option '--${o}' applies to 'build' only`);
    }
  }
  if (positionals.length === 0) return err('no input files');
  const targets: Target[] = [];
  for (const t of (values.target ?? ['wgsl,cuda,js']).flatMap((s) => s.split(','))) {
    const given = t.trim();
    if (given === '') continue;
    const name = BACKEND_ALIASES[given] ?? given;
    if (!(TARGETS as readonly string[]).includes(name)) {
      return err(`unknown target '${given}' (expected one of: ${TARGETS.join(', ')}) or backend (webgpu, cuda, cpu)`);
    }
    if (!targets.includes(name as Target)) targets.push(name as Target);
  }
  if (targets.length === 0) return err(`option '--target' needs at least one of: ${TARGETS.join(', ')}`);
  const emit = values.emit ?? null;
  if (emit !== null && emit !== 'ir' && emit !== 'code') return err(`unknown value '${emit}' for '--emit' (expected 'ir' or 'code')`);
  if (kind === 'check' && emit === 'code') return err(`'--emit code' applies to 'build' only`);
  if (values.color && values['no-color']) return err(`options '--color' and '--no-color' conflict`);
  // build's PTX targets older GPUs by default; check reports registers for a current one.
  const arch = values.arch ?? (kind === 'check' ? 'sm_90' : 'sm_75');
  if (!/^(sm|compute)_\d+[a-z]?$/.test(arch)) return err(`invalid '--arch' value '${arch}' (expected e.g. sm_75)`);
  if (values.ptx && !targets.includes('cuda')) return err(`'--ptx' needs the cuda target`);
  return {
    kind,
    files: positionals,
    targets,
    out: values.out ?? 'build/kernels',
    ptx: values.ptx === true,
    arch,
    emit,
    watch: values.watch === true,
    cache: values['no-cache'] !== true,
    cacheDir: values['cache-dir'] ?? null,
    color: values.color ? true : values['no-color'] ? false : null,
    quiet: values.quiet === true,
    resources: kind === 'check' && values.target !== undefined,
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

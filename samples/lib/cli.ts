// Command-line handling shared by the samples: `--backend cuda|webgpu|cpu|auto`, `--json`, and the
// numeric size flags each sample declares (so tests can run them small). With --json the last line
// printed is one JSON object holding the sample's results.
import { parseArgs } from 'node:util';
import { createDevice, type BackendChoice } from 'kernelscript';

/** The device handle the samples work with (what createDevice gives). */
export type Gpu = Awaited<ReturnType<typeof createDevice>>;

const BACKENDS: readonly BackendChoice[] = ['auto', 'cuda', 'webgpu', 'cpu'];

export interface SampleOptions<F extends Record<string, number>> {
  backend: BackendChoice;
  json: boolean;
  /** The sample's numeric flags, defaults filled in. */
  flags: F;
}

/** Parses argv against the sample's numeric flags (each given with its default). */
export function parseSampleArgs<F extends Record<string, number>>(
  defaults: F,
  argv: string[] = process.argv.slice(2),
): SampleOptions<F> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    backend: { type: 'string' },
    json: { type: 'boolean' },
  };
  for (const name of Object.keys(defaults)) options[name] = { type: 'string' };
  const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  const backend = (values.backend ?? 'auto') as BackendChoice;
  if (!BACKENDS.includes(backend)) {
    throw new Error(`--backend must be one of ${BACKENDS.join(', ')}, got '${String(values.backend)}'`);
  }
  const flags: Record<string, number> = { ...defaults };
  for (const name of Object.keys(defaults)) {
    const v = values[name];
    if (typeof v !== 'string') continue;
    const x = Number(v);
    if (!Number.isFinite(x)) throw new Error(`--${name} must be a number, got '${v}'`);
    flags[name] = x;
  }
  return { backend, json: values.json === true, flags: flags as F };
}

/** Console output that stays quiet under --json (so the JSON line is the whole story). */
export class Reporter {
  constructor(readonly json: boolean) {}
  log(...parts: unknown[]): void {
    if (!this.json) console.log(...parts);
  }
  /** Prints the results: a JSON line under --json, else nothing more (log() already spoke). */
  done(result: Record<string, unknown>): void {
    if (this.json) console.log(JSON.stringify(result));
  }
}

/**
 * Runs a sample's main: opens the device, hands it over, and always disposes it. Errors print
 * one clear line and set a failing exit code instead of a stack dump.
 */
export async function runSample<F extends Record<string, number>>(
  defaults: F,
  main: (gpu: Gpu, opts: SampleOptions<F>, out: Reporter) => Promise<void>,
): Promise<void> {
  let gpu: Gpu | undefined;
  try {
    const opts = parseSampleArgs(defaults);
    gpu = await createDevice({ backend: opts.backend });
    await main(gpu, opts, new Reporter(opts.json));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  } finally {
    gpu?.dispose();
  }
}

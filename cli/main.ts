// The `kernelscript` command: build, check, doctor. `main` takes argv and an Io so that tests can
// run it in-process; bin/kernelscript.js calls it with the real process.
import { resolve } from 'node:path';
import { parseCommand, type CompileArgs } from './args.js';
import type { Io } from './build.js';
import { BUILD_USAGE, CHECK_USAGE, DOCTOR_USAGE, USAGE } from './help.js';
import { isGlob } from './glob.js';
import { watchLoop, type Watcher } from './watch.js';
import { packageVersion } from './version.js';

const TOPICS: Record<string, string> = { build: BUILD_USAGE, check: CHECK_USAGE, doctor: DOCTOR_USAGE };

export interface MainOptions {
  cwd?: string;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  /** Whether stderr is a terminal (decides colors unless --color/--no-color or NO_COLOR/FORCE_COLOR say). */
  isTTY?: boolean;
  /** Receives the watcher in --watch mode (tests close it); otherwise main waits for SIGINT. */
  onWatch?: (w: Watcher) => void;
}

/** Runs one command; resolves to the process exit status. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const cmd = parseCommand(argv);
  switch (cmd.kind) {
    case 'help':
      stdout(`${cmd.topic ? (TOPICS[cmd.topic] ?? USAGE) : USAGE}\n`);
      return 0;
    case 'version':
      stdout(`${packageVersion()}\n`);
      return 0;
    case 'usage-error': {
      const help = cmd.topic ? `kernelscript help ${cmd.topic}` : 'kernelscript --help';
      stderr(`kernelscript: ${cmd.message}\nRun '${help}' for usage.\n`);
      return 2;
    }
    case 'doctor':
      return (await import('./doctor.js')).runDoctor(cmd.json, stdout);
    case 'build':
    case 'check': {
      // Loaded here, not at the top: help and --version should not wait for the compiler to load.
      const { createCache, runCompile } = await import('./build.js');
      const io: Io = { cwd: options.cwd ?? process.cwd(), stdout, stderr, color: useColor(cmd, options.isTTY ?? process.stderr.isTTY) };
      const cache = cmd.kind === 'build' ? createCache(cmd, io.cwd) : null;
      if (!cmd.watch) return (await runCompile(cmd.kind, cmd, io, cache)).exitCode;
      const globBases = cmd.files.filter(isGlob).map((p) => resolve(io.cwd, p.split(/[*?[{]/)[0] ?? '.'));
      const watcher = await watchLoop(async () => (await runCompile(cmd.kind, cmd, io, cache)).watched, globBases.map(dirOf), stdout);
      if (options.onWatch) {
        options.onWatch(watcher);
        return 0;
      }
      return new Promise<number>((done) => {
        process.once('SIGINT', () => {
          watcher.close();
          done(130);
        });
      });
    }
  }
}

function useColor(cmd: CompileArgs, isTTY: boolean | undefined): boolean {
  if (cmd.color !== null) return cmd.color;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return isTTY === true;
}

/** A glob's literal prefix may end inside a name ('src/k*'): watch its directory. */
function dirOf(prefix: string): string {
  return prefix.endsWith('/') ? prefix : resolve(prefix, '..');
}

// --watch: rerun on any change to an input file, a file it depends on, or (for new files) the
// directories the inputs live in. Directories are watched rather than files, because editors often
// save by replacing a file, which ends a watch on the file itself.
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Watcher {
  close(): void;
}

/**
 * Calls `run` now and again after each burst of changes; `run` returns the files to watch next.
 * `extraDirs` are watched for new files too (the bases of glob patterns).
 */
export async function watchLoop(
  run: () => Promise<string[]>,
  extraDirs: readonly string[],
  log: (s: string) => void,
  debounceMs = 60,
): Promise<Watcher> {
  const watchers = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let pendingPath = '';
  let closed = false;
  // Runs never overlap: a change during a run schedules one more run after it.
  let running: Promise<void> | null = null;
  let again = false;

  const rerun = (): void => {
    timer = null;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    log(`\nChange in ${pendingPath}; rebuilding...\n`);
    running = run()
      .then(refresh, (e: unknown) => log(`kernelscript: ${e instanceof Error ? e.message : String(e)}\n`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          rerun();
        }
      });
  };

  const onEvent = (dir: string, name: string | null): void => {
    const path = name ? join(dir, name) : dir;
    // Inside watched dirs only inputs, dependencies and new TypeScript files matter.
    if (name && !files.has(path) && !/\.[cm]?tsx?$/.test(name)) return;
    pendingPath = path;
    if (timer) clearTimeout(timer);
    timer = setTimeout(rerun, debounceMs);
  };

  const refresh = (next: string[]): void => {
    files = new Set(next.map((f) => resolve(f)));
    const dirs = new Set([...[...files].map((f) => dirname(f)), ...extraDirs.map((d) => resolve(d))]);
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => onEvent(dir, name === null ? null : String(name)));
        w.on('error', () => watchers.delete(dir));
        watchers.set(dir, w);
      } catch {
        // A directory that vanished is picked up again on the next rebuild.
      }
    }
  };

  refresh(await run());
  log('Watching for changes (Ctrl+C to stop).\n');
  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

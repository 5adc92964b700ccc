// Dawn writes informational notices (limits it lowers on purpose, e.g. "Warning:
// maxDynamicUniformBuffersPerPipelineLayout artificially reduced …") from native code straight to
// file descriptor 2 while it looks for adapters; no flag or toggle of the binding turns them off.
// So the adapter request, which is where they appear and which prints synchronously, runs with fd 2
// pointed at an unlinked temporary file; after it, every captured line that is not such a notice
// is written back to stderr, so real errors still show. POSIX only (libc's dup/dup2 through koffi);
// elsewhere, or with KERNELSCRIPT_DEBUG_DAWN=1, nothing is redirected.

import { loadLibc } from '../libc.js';

type Fs = typeof import('node:fs');
type Os = typeof import('node:os');
interface Koffi {
  load(name: string): { func(signature: string): (...args: number[]) => number };
}
interface Libc {
  dup(fd: number): number;
  dup2(from: number, to: number): number;
  close(fd: number): number;
}

/** Dawn's notices that are not the user's concern. */
const NOTICE = /^Warning: \w+ artificially reduced from \d+ to \d+/;
const FS = 'node:fs';
const OS = 'node:os';

interface Tools {
  fs: Fs;
  os: Os;
  libc: Libc;
}
let tools: Promise<Tools | null> | null = null;

/** True when Dawn's native output is to be left alone. */
export function dawnDebug(): boolean {
  const v = process.env.KERNELSCRIPT_DEBUG_DAWN;
  return v !== undefined && v !== '' && v !== '0';
}

/**
 * Runs `call` (synchronous up to the promise it returns) with Dawn's notices filtered out of what
 * native code writes to stderr meanwhile.
 */
export async function quietNative<T>(call: () => T, importPackage: (name: string) => Promise<unknown>): Promise<T> {
  const t = dawnDebug() ? null : await (tools ??= loadTools(importPackage));
  if (!t) return call();
  const fd = openScratch(t);
  if (fd === null) return call();
  const saved = t.libc.dup(2);
  if (saved < 0 || t.libc.dup2(fd, 2) < 0) {
    if (saved >= 0) t.libc.close(saved);
    t.fs.closeSync(fd);
    return call();
  }
  try {
    return call();
  } finally {
    t.libc.dup2(saved, 2);
    t.libc.close(saved);
    let text = '';
    try {
      text = readAll(t.fs, fd);
    } finally {
      t.fs.closeSync(fd);
    }
    const kept = keptLines(text);
    if (kept) process.stderr.write(kept);
  }
}

/** An unlinked temporary file, or null where none can be made (then nothing is filtered). */
function openScratch(t: Tools): number | null {
  // A fresh private directory and an exclusive create: nothing another user planted is followed.
  try {
    const dir = t.fs.mkdtempSync(`${t.os.tmpdir()}/kernelscript-dawn-`);
    const file = `${dir}/stderr.log`;
    const fd = t.fs.openSync(file, 'wx+', 0o600);
    t.fs.unlinkSync(file);
    t.fs.rmdirSync(dir);
    return fd;
  } catch {
    return null;
  }
}

function readAll(fs: Fs, fd: number): string {
  const buf = Buffer.alloc(fs.fstatSync(fd).size);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  return buf.toString('utf8', 0, n);
}

/** `text` without Dawn's notices (exported for the tests). */
export function keptLines(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((line) => !NOTICE.test(line))
    .join('');
}

async function loadTools(importPackage: (name: string) => Promise<unknown>): Promise<Tools | null> {
  try {
    const mod = (await importPackage('koffi')) as { default?: Koffi } & Partial<Koffi>;
    const lib = loadLibc((mod.default ?? mod) as Koffi);
    if (!lib) return null;
    const fs = (await import(/* @vite-ignore */ FS)) as Fs;
    const os = (await import(/* @vite-ignore */ OS)) as Os;
    const libc: Libc = { dup: lib.func('int dup(int)'), dup2: lib.func('int dup2(int, int)'), close: lib.func('int close(int)') };
    return { fs, os, libc };
  } catch {
    // Without koffi (or those functions) the notices simply stay.
  }
  return null;
}

// `kernelscript build` over every sample: each kernel the samples define is built for every target,
// and the generated CUDA C compiles with nvcc.
import { spawn } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNvcc } from '../../cli/ptx.js';
import type { Manifest } from '../../cli/emit.js';
import { listKernels } from '../../compiler/index.js';
import { ROOT, cli, type CliRun } from './run-cli.js';

const TARGETS = ['wgsl', 'cuda', 'js'] as const;
const out = mkdtempSync(join(tmpdir(), 'ks-cli-samples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** `file:kernel` for every kernel defined under samples/, found without the CLI's file expansion. */
function definedKernels(): string[] {
  const files = (readdirSync(join(ROOT, 'samples'), { recursive: true }) as string[])
    .map((f) => `samples/${f.split('\\').join('/')}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  return files.flatMap((f) => listKernels(readFileSync(join(ROOT, f), 'utf8'), f).map((k) => `${f}:${k}`)).sort();
}

/** Runs nvcc on a batch of .cu files; resolves to its exit status and output. */
function nvccPtx(nvcc: string, files: string[], odir: string): Promise<{ code: number | null; text: string }> {
  return new Promise((done) => {
    const p = spawn(nvcc, ['-arch=sm_90', '-ptx', '-odir', odir, ...files]);
    let text = '';
    p.stdout.on('data', (d: Buffer) => (text += d.toString()));
    p.stderr.on('data', (d: Buffer) => (text += d.toString()));
    p.on('error', (e) => done({ code: -1, text: e.message }));
    p.on('close', (code) => done({ code, text }));
  });
}

describe('kernelscript build samples/**/*.ts', () => {
  let run: CliRun;
  let manifest: Manifest;
  beforeAll(async () => {
    run = await cli(['build', 'samples/**/*.ts', '--target', TARGETS.join(','), '--out', out, '--no-cache'], ROOT);
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  });

  it('builds every kernel the samples define, for every target, into non-empty files', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const expected = definedKernels();
    expect(expected.length).toBeGreaterThan(10);
    expect(manifest.kernels.map((k) => `${k.source.file}:${k.name}`).sort()).toEqual(expected);
    expect(run.stdout).toContain(`Built ${expected.length} kernels (wgsl, cuda, js)`);
    for (const k of manifest.kernels) {
      expect(Object.keys(k.outputs).sort(), k.name).toEqual([...TARGETS].sort());
      for (const o of Object.values(k.outputs)) expect(statSync(join(out, o.file)).size, o.file).toBeGreaterThan(0);
    }
  });

  const nvcc = findNvcc();
  const skipped = nvcc ? '' : ' (skipped: nvcc not found through $KERNELSCRIPT_NVCC, PATH, $CUDA_HOME or /usr/local/cuda/bin)';
  it.skipIf(!nvcc)(`compiles every generated .cu to PTX with nvcc -arch=sm_90${skipped}`, async () => {
    const units = manifest.kernels.flatMap((k) => (k.outputs.cuda ? [{ name: k.name, ...k.outputs.cuda }] : []));
    expect(units.length).toBe(manifest.kernels.length);
    // One nvcc per core, each given a share of the files.
    const jobs = Math.max(1, Math.min(availableParallelism(), units.length));
    const results = await Promise.all(
      Array.from({ length: jobs }, (_, j) => {
        const odir = join(out, `ptx-${j}`);
        mkdirSync(odir);
        const files = units.filter((_, i) => i % jobs === j).map((u) => join(out, u.file));
        return nvccPtx(nvcc as string, files, odir).then((r) => ({ ...r, odir }));
      }),
    );
    for (const r of results) expect(r.code, r.text).toBe(0);
    units.forEach((u, i) => {
      const ptx = readFileSync(join(out, `ptx-${i % jobs}`, u.file.replace(/\.cu$/, '.ptx')), 'utf8');
      expect(ptx, u.name).toMatch(new RegExp(`\\.entry\\s+${u.entryPoint}\\s*\\(`));
    });
  });
});

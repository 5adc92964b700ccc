// The README's saxpy example, bundled for Node with the plugin exactly as a user would (no
// `external`), runs on webgpu: the bundle finds Dawn, keeps it alive, prints nothing on stderr, and
// prints the saxpy of its inputs. Math.random is seeded through a banner so the test knows them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDevices } from '../helpers/devices.js';
import { ROOT, bundle } from './bundle.js';

/** The first ```ts block of README.md: the example a reader copies. */
function readmeExample(): string {
  const m = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  if (!m?.[1]) throw new Error('README.md has no ```ts example');
  return m[1];
}

/** mulberry32: the seeded generator the banner installs (as source text) and the test replays. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** y[0..3] after saxpy in float64, from the inputs the seeded example draws (x first, then y). */
function reference(seed: number, n: number): number[] {
  const rand = seeded(seed);
  const x = Array.from({ length: n }, () => Math.fround(rand()));
  const y = Array.from({ length: n }, () => Math.fround(rand()));
  return [0, 1, 2, 3].map((i) => 2 * (x[i] ?? NaN) + (y[i] ?? NaN));
}

const work = mkdtempSync(join(tmpdir(), 'ks-node-webgpu-'));
// Inside the project, as an app's dist/ folder would be: Node finds `webgpu` from the bundle.
mkdirSync(join(ROOT, 'out'), { recursive: true });
const inside = mkdtempSync(join(ROOT, 'out', 'bundle-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(inside, { recursive: true, force: true });
});

const slots = await openDevices(['webgpu']);
const webgpu = slots[0];

describe.skipIf(!webgpu?.device)(`README example bundled for Node, on webgpu${webgpu?.device ? '' : ` (skipped: ${webgpu?.reason ?? ''})`}`, () => {
  afterAll(() => webgpu?.device?.dispose());

  it.each([
    ['in the project, run from elsewhere', inside, work],
    ['outside the project, run from the project', work, ROOT],
  ])('%s', async (_, outDir, cwd) => {
    const seed = (Math.random() * 2 ** 32) >>> 0;
    const entry = join(work, 'saxpy.ts');
    writeFileSync(entry, readmeExample());
    const outfile = join(outDir, 'app.mjs');
    const r = await bundle(entry, outfile, 'node', { targets: ['wgsl'], cache: false }, {
      external: [],
      // Outside the repository no tsconfig maps the package name to the sources.
      alias: { 'kernelscript/runtime': join(ROOT, 'runtime.ts') },
      banner: { js: `Math.random = (${seeded.toString()})(${seed});` },
    });
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.metafile.inputs).filter((p) => p.includes('node_modules/webgpu'))).toEqual([]);

    const env: NodeJS.ProcessEnv = { ...process.env, KERNELSCRIPT_BACKEND: 'webgpu' };
    delete env.KERNELSCRIPT_DEBUG_DAWN;
    const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8', cwd, env, timeout: 120_000 });
    console.log(`bundled README example (seed ${seed}, ${cwd === ROOT ? 'outside' : 'inside'}): status ${run.status}, signal ${run.signal}\n${run.stdout}${run.stderr}`);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const m = /^webgpu Float32Array\(4\) \[([^\]]*)\]\s*$/.exec(run.stdout);
    expect(m, run.stdout).not.toBeNull();
    const got = (m?.[1] ?? '').split(',').map(Number);
    const want = reference(seed, 1 << 20);
    expect(got).toHaveLength(4);
    // One f32 rounding of a value below 3 (a fused multiply-add rounds once, else twice).
    for (const [i, w] of want.entries()) expect(Math.abs((got[i] ?? NaN) - w), `y[${i}], seed ${seed}`).toBeLessThan(2 * 2 ** -22);
  });
});

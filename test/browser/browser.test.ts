// The fixture app bundled with the plugin runs in headless Chromium on navigator.gpu (Chromium's
// SwiftShader WebGPU adapter here), and on the cpu backend when the page gets no adapter.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, bundle, compilerInputs } from '../esbuild/bundle.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
// What gives headless Chromium a WebGPU adapter here (see docs/browser.md).
const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

interface PageResult {
  backend?: string;
  out?: number[];
  error?: string;
}

describe.skipIf(!existsSync(CHROMIUM))('browser page (needs Chromium at ' + CHROMIUM + ')', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-browser-'));
  let server: Server;
  let origin = '';
  let reference: (seed: number) => Float64Array;

  beforeAll(async () => {
    const r = await bundle(`${FIXTURES}/app/browser.ts`, join(dir, 'browser.js'), 'browser', { targets: ['wgsl'], cache: join(dir, 'cache') });
    expect(compilerInputs(r.metafile)).toEqual([]);
    copyFileSync(`${FIXTURES}/app/index.html`, join(dir, 'index.html'));
    ({ reference } = (await import(`${FIXTURES}/app/reference.ts`)) as { reference: (seed: number) => Float64Array });
    // WebGPU needs a secure context: http://127.0.0.1 is one, file:// and data: are not.
    server = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0]?.replace(/^\/$/, '/index.html') ?? '/index.html';
      const path = join(dir, name);
      if (!path.startsWith(dir) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      const type = extname(path) === '.js' ? 'text/javascript' : 'text/html';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(path));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const addr = server.address();
    origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });

  afterAll(async () => {
    await new Promise((done) => server?.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  async function runPage(extraArgs: string[], seed: number): Promise<PageResult> {
    const userData = mkdtempSync(join(tmpdir(), 'ks-chromium-'));
    let ctx: BrowserContext | null = null;
    try {
      ctx = await chromium.launchPersistentContext(userData, {
        executablePath: CHROMIUM,
        headless: true,
        args: [...BASE_ARGS, ...extraArgs],
      });
      const page = await ctx.newPage();
      const logs: string[] = [];
      page.on('console', (m) => logs.push(m.text()));
      page.on('pageerror', (e) => logs.push(e.message));
      await page.goto(`${origin}/index.html?seed=${seed}`);
      await page.waitForFunction(() => (document.getElementById('result')?.textContent ?? '') !== '', null, { timeout: 60_000 });
      const text = (await page.textContent('#result')) ?? '';
      if (logs.length) console.log(logs.join('\n'));
      return JSON.parse(text) as PageResult;
    } finally {
      await ctx?.close();
      rmSync(userData, { recursive: true, force: true });
    }
  }

  function expectClose(got: number[] | undefined, seed: number): void {
    const want = reference(seed);
    expect(got, `seed ${seed}`).toBeDefined();
    expect(got?.length).toBe(want.length);
    let err = 0;
    let norm = 0;
    for (let i = 0; i < want.length; i++) {
      err += ((got?.[i] ?? NaN) - (want[i] ?? 0)) ** 2;
      norm += (want[i] ?? 0) ** 2;
    }
    expect(Math.sqrt(err / norm), `relative L2 error, seed ${seed}`).toBeLessThan(1e-5);
  }

  it('runs the kernels on navigator.gpu', async () => {
    const seed = (Math.random() * 2 ** 32) >>> 0;
    const r = await runPage(WEBGPU_ARGS, seed);
    expect(r.error).toBeUndefined();
    expect(r.backend).toBe('webgpu');
    expectClose(r.out, seed);
  });

  it('falls back to the cpu backend when the page gets no WebGPU adapter', async () => {
    const seed = (Math.random() * 2 ** 32) >>> 0;
    // Without --enable-unsafe-webgpu, requestAdapter() resolves to null on this platform.
    const r = await runPage([], seed);
    expect(r.error).toBeUndefined();
    expect(r.backend).toBe('cpu');
    expectClose(r.out, seed);
  });
});

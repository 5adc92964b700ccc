// Bundling the fixture apps with the plugin, shared by the plugin and browser tests.
import { build, type BuildOptions, type BuildResult, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import kernelscript, { type KernelscriptPluginOptions } from '../../compiler/esbuild.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = `${ROOT}test/fixtures`;

export async function bundle(
  entry: string,
  outfile: string,
  platform: 'node' | 'browser',
  plugin: KernelscriptPluginOptions = {},
  extra: BuildOptions = {},
): Promise<BuildResult & { metafile: Metafile }> {
  const r = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform,
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    // The Dawn binding is a native module: Node loads it from node_modules at run time.
    external: platform === 'node' ? ['webgpu'] : [],
    plugins: [kernelscript(plugin)],
    ...extra,
  });
  if (!r.metafile) throw new Error('esbuild returned no metafile');
  return { ...r, metafile: r.metafile };
}

/** Inputs of a bundle that would mean the compiler (or TypeScript) was bundled. */
export function compilerInputs(meta: Metafile): string[] {
  return Object.keys(meta.inputs).filter((p) =>
    /node_modules\/(typescript|ts-morph|@ts-morph)\/|^compiler\/(index|jit|frontend\/|passes\/)/.test(p),
  );
}

import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      'kernelscript/esbuild': fileURLToPath(new URL('./compiler/esbuild.ts', import.meta.url)),
      'kernelscript/runtime': fileURLToPath(new URL('./runtime.ts', import.meta.url)),
      kernelscript: fileURLToPath(new URL('./index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

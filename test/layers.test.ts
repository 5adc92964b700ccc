// The layer checker (scripts/check-layers.ts) on small synthetic trees: an allowed edge passes,
// a back-edge fails with its file:line, a type-only exception holds only for `import type`, and a
// cycle between layers is reported; and the project's own tree is clean.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, formatReport, RULES } from '../scripts/check-layers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A temporary tree of the given files (path → text). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ks-layers-'));
  dirs.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

describe('check-layers', () => {
  it('passes edges that point down, packages and imports within a layer', () => {
    const r = checkLayers(tree({
      'core/a.ts': `import { x } from './b.js';\nimport { readFileSync } from 'node:fs';\nexport const a = x;\n`,
      'core/b.ts': 'export const x = 1;\n',
      'targets/t.ts': `import { a } from '../core/a.js';\nexport const t = a;\n`,
      'compiler/c.ts': `export { t } from '../targets/t.js';\nexport const c = () => import('../core/b.js');\n`,
      'runtime/r.ts': `import type { T } from '../compiler/c.js';\nimport { a } from '../core/a.js';\n`,
      'cli/m.ts': `import '../runtime/r.js';\nimport '../compiler/c.js';\n`,
      'index.ts': `export * from './cli/m.js';\n`,
    }));
    expect(formatReport(r)).toEqual([]);
    expect(r.edges.length).toBe(8);
  });

  it('fails a back-edge, naming the file, line and edge', () => {
    const r = checkLayers(tree({
      'core/a.ts': 'export const a = 1;\n',
      'compiler/c.ts': `\n\nimport { r } from '../runtime/r.js';\n`,
      'runtime/r.ts': `import { a } from '../core/a.js';\nexport const r = a;\n`,
    }));
    expect(r.violations.map((e) => [e.file, e.line, e.from, e.to])).toEqual([['compiler/c.ts', 3, 'compiler', 'runtime']]);
    expect(formatReport(r).join('\n')).toContain(`compiler/c.ts:3  compiler → runtime  '../runtime/r.js'`);
    expect(r.cycles).toEqual([]);
  });

  it('allows runtime → compiler only as `import type`', () => {
    const r = checkLayers(tree({
      'compiler/c.ts': 'export type T = number;\nexport const c = 1;\n',
      'runtime/ok.ts': `import type { T } from '../compiler/c.js';\nexport type U = import('../compiler/c.js').T;\n`,
      'runtime/bad.ts': `import { type T } from '../compiler/c.js';\nconst m = await import('../compiler/c.js');\n`,
    }));
    expect(r.violations.map((e) => `${e.file}:${e.line}`)).toEqual(['runtime/bad.ts:1', 'runtime/bad.ts:2']);
  });

  it('fails imports of the root entries, the package by name, and files outside the layers', () => {
    const r = checkLayers(tree({
      'core/a.ts': `import '../index.js';\nimport 'kernelscript/runtime';\nimport '../test/helper.js';\n`,
    }));
    expect(r.violations.map((e) => e.to)).toEqual(['root', 'root', 'outside']);
  });

  it('reports a cycle between layers', () => {
    const root = tree({
      'core/a.ts': `import { t } from '../targets/t.js';\nexport const a = t;\n`,
      'targets/t.ts': `import { c } from '../compiler/c.js';\nexport const t = c;\n`,
      'compiler/c.ts': `import { a } from '../core/a.js';\nexport const c = a;\n`,
    });
    expect(checkLayers(root).cycles.map((c) => c.map((e) => `${e.from}>${e.to}`))).toHaveLength(1);
    // With rules that allow every edge, the cycle alone still fails.
    const all = ['core', 'targets', 'compiler', 'runtime', 'cli'] as const;
    const lax = Object.fromEntries(Object.keys(RULES).map((k) => [k, { value: all, type: [] }])) as unknown as typeof RULES;
    const r = checkLayers(root, lax);
    expect(r.violations).toEqual([]);
    const [cycle] = r.cycles;
    expect(cycle?.map((e) => e.file).sort()).toEqual(['compiler/c.ts', 'core/a.ts', 'targets/t.ts']);
    expect(formatReport(r)[0]).toMatch(/^cycle between layers: (\w+) → \w+ → \w+ → \1$/);
  });

  it('finds the project itself clean', () => {
    const r = checkLayers(fileURLToPath(new URL('..', import.meta.url)));
    expect(formatReport(r)).toEqual([]);
    expect(r.edges.length).toBeGreaterThan(100);
  });
});

// The layer check: every import between the project's top-level folders points down.
//
//   core ← targets ← compiler ← cli        core ← runtime ← cli
//
// runtime/ may name compiler/ and targets/ types (`import type`, erased from the output) but never
// load them, so a runtime-only bundle stays free of the compiler. The root entries (index.ts,
// runtime.ts) sit above everything and may import anything; nothing inside the layers may import
// them (or the package by its own name), nor any file outside the layers. Besides the per-edge
// rules, any cycle between folders fails, so a future rule change cannot let one in unnoticed.
//
//   npx tsx scripts/check-layers.ts [root]     exit 1 with file:line and the edge on a violation
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';

export const LAYERS = ['core', 'targets', 'compiler', 'runtime', 'cli'] as const;
export type Layer = (typeof LAYERS)[number];

/** What a layer may import: `value` edges load the module, `type` edges are `import type` only. */
export interface LayerRule {
  value: readonly Layer[];
  type: readonly Layer[];
}

export const RULES: Record<Layer, LayerRule> = {
  core: { value: [], type: [] },
  targets: { value: ['core'], type: [] },
  compiler: { value: ['core', 'targets'], type: [] },
  runtime: { value: ['core'], type: ['compiler', 'targets'] },
  cli: { value: ['core', 'targets', 'compiler', 'runtime'], type: [] },
};

/** An import's destination: a layer, the root entries / the package itself, or a file elsewhere. */
type Destination = Layer | 'root' | 'outside';

export interface ImportEdge {
  /** Relative to the checked root, with '/' separators. */
  file: string;
  line: number;
  spec: string;
  from: Layer;
  to: Destination;
  typeOnly: boolean;
}

export interface LayerReport {
  edges: ImportEdge[];
  /** Edges the rules forbid. */
  violations: ImportEdge[];
  /** Cycles between layers, each with one example edge per step (a → b → … → a). */
  cycles: ImportEdge[][];
}

const SOURCE_EXT = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs']);
const PACKAGE_SPEC = /^kernelscript(\/|$)/;

function* sourceFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // a layer folder that does not exist has no imports
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (e.isFile() && SOURCE_EXT.has(extname(e.name))) yield p;
  }
}

function isLayer(s: string): s is Layer {
  return (LAYERS as readonly string[]).includes(s);
}

/** Every module specifier a file names, with whether only types come through it. */
export function importsOf(fileName: string, text: string): { spec: string; line: number; typeOnly: boolean }[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: { spec: string; line: number; typeOnly: boolean }[] = [];
  const add = (lit: ts.Node, typeOnly: boolean): void => {
    if (!ts.isStringLiteralLike(lit)) return;
    out.push({ spec: lit.text, line: sf.getLineAndCharacterOfPosition(lit.getStart(sf)).line + 1, typeOnly });
  };
  const visit = (n: ts.Node): void => {
    // Under verbatimModuleSyntax only a clause-level `import type` / `export type` is erased;
    // `import { type X }` still loads the module, so it counts as a value edge.
    if (ts.isImportDeclaration(n)) add(n.moduleSpecifier, n.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(n) && n.moduleSpecifier) add(n.moduleSpecifier, n.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(n.moduleReference.expression, n.isTypeOnly);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0]) add(n.arguments[0], false);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal, true);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function destination(root: string, file: string, spec: string): Destination | null {
  if (PACKAGE_SPEC.test(spec)) return 'root';
  if (!spec.startsWith('.')) return null; // a package or node: builtin, not a layer edge
  const rel = relative(root, resolve(dirname(file), spec));
  const top = rel.split(sep)[0] ?? '';
  if (rel.startsWith('..') || rel === '') return 'outside';
  if (isLayer(top)) return top;
  // The root's own files (index.ts, runtime.ts…) are the entries; anything else is outside.
  return rel.includes(sep) ? 'outside' : 'root';
}

function allowed(e: ImportEdge, rules: Record<Layer, LayerRule>): boolean {
  if (e.to === e.from) return true;
  if (e.to === 'root' || e.to === 'outside') return false;
  const r = rules[e.from];
  return r.value.includes(e.to) || (e.typeOnly && r.type.includes(e.to));
}

/** Cycles among layers (strongly connected groups of two or more), one example edge per step. */
function layerCycles(edges: ImportEdge[]): ImportEdge[][] {
  const example = new Map<string, ImportEdge>();
  const next = new Map<Layer, Set<Layer>>();
  for (const e of edges) {
    if (!isLayer(e.to) || e.to === e.from) continue;
    if (!example.has(`${e.from}>${e.to}`)) example.set(`${e.from}>${e.to}`, e);
    if (!next.has(e.from)) next.set(e.from, new Set());
    next.get(e.from)?.add(e.to);
  }
  // Tarjan's strongly connected components over at most five nodes.
  let counter = 0;
  const index = new Map<Layer, number>();
  const low = new Map<Layer, number>();
  const stack: Layer[] = [];
  const groups: Layer[][] = [];
  const connect = (v: Layer): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: Layer[] = [];
      let w: Layer | undefined;
      do {
        w = stack.pop();
        if (w) group.push(w);
      } while (w && w !== v);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const v of LAYERS) if (!index.has(v)) connect(v);
  // One cycle through each group: a path back to its first member, found breadth-first.
  return groups.map((group) => {
    const start = group[0] as Layer;
    const prev = new Map<Layer, Layer>();
    const queue: Layer[] = [start];
    let back: Layer | null = null;
    while (queue.length && !back) {
      const v = queue.shift() as Layer;
      for (const w of next.get(v) ?? []) {
        if (!group.includes(w)) continue;
        if (w === start) {
          back = v;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const path: Layer[] = [start];
    for (let v = back; v && v !== start; v = prev.get(v) ?? null) path.splice(1, 0, v);
    path.push(start);
    return path.slice(1).map((to, i) => example.get(`${path[i]}>${to}`) as ImportEdge);
  });
}

/** Checks every import in the layer folders under `root`. */
export function checkLayers(root: string, rules: Record<Layer, LayerRule> = RULES): LayerReport {
  const edges: ImportEdge[] = [];
  for (const from of LAYERS) {
    for (const file of sourceFiles(join(root, from))) {
      for (const imp of importsOf(file, readFileSync(file, 'utf8'))) {
        const to = destination(root, file, imp.spec);
        if (to) edges.push({ file: relative(root, file).split(sep).join('/'), line: imp.line, spec: imp.spec, from, to, typeOnly: imp.typeOnly });
      }
    }
  }
  return { edges, violations: edges.filter((e) => !allowed(e, rules)), cycles: layerCycles(edges) };
}

export function describeEdge(e: ImportEdge): string {
  return `${e.file}:${e.line}  ${e.from} → ${e.to}${e.typeOnly ? ' (import type)' : ''}  '${e.spec}'`;
}

/** The report as lines for a terminal; empty when the layers are clean. */
export function formatReport(r: LayerReport): string[] {
  const lines: string[] = [];
  if (r.violations.length) lines.push('imports against the layers:', ...r.violations.map((e) => `  ${describeEdge(e)}`));
  for (const c of r.cycles) {
    lines.push(`cycle between layers: ${[c[0]?.from, ...c.map((e) => e.to)].join(' → ')}`, ...c.map((e) => `  ${describeEdge(e)}`));
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? dirname(dirname(fileURLToPath(import.meta.url))));
  const report = checkLayers(root);
  const lines = formatReport(report);
  if (lines.length) {
    console.error(lines.join('\n'));
    process.exitCode = 1;
  } else {
    console.log(`layers: ${report.edges.length} imports checked, all point down`);
  }
}

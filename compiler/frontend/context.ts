// State of lowering one function (a kernel or a helper) and the name scopes inside it.
import type { ts } from 'ts-morph';
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { Code } from '../../core/diagnostics/codes.js';
import type { ArraySpace, ElemType, FragType, ScalarType, SharedArray, Span } from '../../core/ir/types.js';
import { spanOf, type ModuleInfo } from './module.js';
import type { HelperTable } from './helpers.js';
import type { VecName } from '../../core/vec.js';

export type Binding =
  | { k: 'local'; ir: string; type: ScalarType; mutable: boolean; decl: ts.Node; lit: boolean }
  | { k: 'param'; ir: string; type: ScalarType }
  | { k: 'array'; ir: string; elem: ElemType; space: ArraySpace; param: boolean }
  /** A vector: one scalar local (or helper parameter) per component, named in `comps` (vectors.ts). */
  | { k: 'vec'; vt: VecName; comps: string[]; src: 'local' | 'param'; mutable: boolean }
  /** A warp-level matrix fragment (matrix.ts): only the matrix functions take it. */
  | { k: 'frag'; ir: string; frag: FragType; mutable: boolean };

/** One lowering run over a function body. Dry runs only infer the types of literal-initialised locals. */
export interface FnCtx {
  mod: ModuleInfo;
  diags: DiagnosticBag;
  helpers: HelperTable;
  /** Name of the helper being lowered; null in a kernel. */
  helper: string | null;
  returnType: ScalarType | null;
  scopes: Map<string, Binding>[];
  /** Counts the names declared in this run (a memo of answers that depend on scopes checks it). */
  scopeVersion: number;
  /** IR names taken in this function (and, for kernels, at module level). */
  names: Set<string>;
  shared: SharedArray[];
  loopDepth: number;
  usesBarrier: boolean;
  dry: boolean;
  /** Types chosen for locals initialised with an integer literal, keyed by declaration. */
  litTypes: Map<ts.Node, ScalarType>;
  /** Dry runs: the types each literal-initialised local is used with. */
  observed: Map<ts.Node, Set<ScalarType>>;
  /** Declarations found to be literal-initialised locals in this run. */
  litDecls: Set<ts.Node>;
}

/** What differs between the contexts of a kernel and of a helper; the rest starts empty per run. */
export type FnCtxSetup = Pick<FnCtx, 'mod' | 'diags' | 'helpers' | 'helper' | 'returnType' | 'scopes' | 'names' | 'dry' | 'litTypes'>;

/** A fresh lowering context for one (dry or real) run over a function body. */
export function newFnCtx(setup: FnCtxSetup): FnCtx {
  return { ...setup, scopeVersion: 0, shared: [], loopDepth: 0, usesBarrier: false, observed: new Map(), litDecls: new Set() };
}

export function report(cx: FnCtx, node: ts.Node, code: Code, ...args: (string | number)[]): void {
  cx.diags.report(spanOf(cx.mod, node), code, ...args);
}

export function span(cx: FnCtx, node: ts.Node): Span {
  return spanOf(cx.mod, node);
}

export function lookup(cx: FnCtx, name: string): Binding | undefined {
  for (let i = cx.scopes.length - 1; i >= 0; i--) {
    const b = cx.scopes[i]?.get(name);
    if (b) return b;
  }
  return undefined;
}

export function declare(cx: FnCtx, name: string, b: Binding): void {
  cx.scopes[cx.scopes.length - 1]?.set(name, b);
  cx.scopeVersion++;
}

// Per name set, the suffix to try next for each base: sets only grow, so every smaller suffix is
// taken, and a function declaring `x` in 8,000 blocks does not scan x_1… each time.
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** A fresh IR name based on `base`: x, x_1, x_2… (the first one not taken). */
export function freshName(names: Set<string>, base: string): string {
  let n = base;
  if (names.has(n)) {
    let next = nextSuffix.get(names);
    if (!next) nextSuffix.set(names, (next = new Map()));
    let i = next.get(base) ?? 1;
    while (names.has((n = `${base}_${i}`))) i++;
    next.set(base, i + 1);
  }
  names.add(n);
  return n;
}

export function observe(cx: FnCtx, b: Binding | undefined, t: ScalarType): void {
  if (!cx.dry || !b || b.k !== 'local' || !b.lit) return;
  let s = cx.observed.get(b.decl);
  if (!s) cx.observed.set(b.decl, (s = new Set()));
  s.add(t);
}

// The JS target's one legalize rule: a local array that is only ever indexed by in-range constants
// (what targets/unroll.ts leaves of a short counted loop over it) becomes one scalar per element,
// so the JIT keeps the elements in registers instead of loading and storing a typed array. Exact:
// an element starts at zero where the array is declared (its `let`s sit at that same place), and
// every f32/i32/u32 value the printer computes is already exact in its type, which is all a store
// into the array's Float32Array/Int32Array/Uint32Array would round it to. Debug builds keep their
// arrays (their accesses carry bounds checks).
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import { declaredNames, mapExpr, mapStmt, mapStmts, visitAllExprs, visitStmts } from '../../core/ir/walk.js';
import type { Rule } from '../target.js';
import { isSmallInt, valueOf } from '../../core/elements.js';

type LocalArray = Extract<Stmt, { k: 'localArray' }>;

const constIndex = (e: Expr, length: number): number | null =>
  e.k === 'const' && typeof e.value === 'number' && Number.isInteger(e.value) && e.value >= 0 && e.value < length ? e.value : null;

/** The local arrays every access of which has a constant index within the array. */
function candidates(body: readonly Stmt[]): Map<string, LocalArray> {
  const out = new Map<string, LocalArray>();
  visitStmts(body, (s) => {
    // An 8- or 16-bit integer or f16 element narrows what is stored: those arrays keep their typed array.
    if (s.k === 'localArray' && !isSmallInt(s.elem) && s.elem !== 'f16') out.set(s.name, s);
  });
  const check = (name: string, index: Expr | null): void => {
    const a = out.get(name);
    if (a && (index === null || constIndex(index, a.length) === null)) out.delete(name);
  };
  visitStmts(body, (s) => {
    if (s.k === 'store') check(s.array, s.index);
  });
  visitAllExprs(body, (e) => {
    if (e.k === 'index') check(e.array, e.index);
    else if (e.k === 'atomic' || e.k === 'length') check(e.array, null);
  });
  return out;
}

/**
 * Same-type casts this rule made, which the printer spells as the conversion a typed-array store
 * does (any other same-type cast prints as its argument alone).
 */
export const storeConversions = new WeakSet<Expr>();

/**
 * Whether `e` prints as a number of its type. An out-of-range read of a global array is
 * `undefined` in JS (as is an atomic's, a helper's or a local's holding one), which a typed-array
 * store turns into NaN or 0; a scalar would keep it, so such values are converted as the store
 * would (Math.fround, `| 0`, `>>> 0`: storeConversions).
 */
function surelyNumber(e: Expr, elements: ReadonlySet<string>): boolean {
  switch (e.k) {
    case 'const':
    case 'param':
    case 'builtin':
    case 'length':
    case 'binary':
    case 'unary':
    case 'cast':
      return true;
    case 'math':
      // u32 abs is spelled as its argument.
      return !(e.fn === 'abs' && e.type === 'u32') || e.args.every((a) => surelyNumber(a, elements));
    case 'select':
      return surelyNumber(e.then, elements) && surelyNumber(e.else, elements);
    case 'load':
      return elements.has(e.name);
    default:
      return false;
  }
}

export function scalarizeLocalArrays(ir: KernelIR): KernelIR {
  if (ir.debug) return ir;
  const arrays = candidates(ir.body);
  if (arrays.size === 0) return ir;
  const taken = declaredNames(ir);
  const names = new Map<string, string[]>();
  for (const [name, a] of arrays) {
    names.set(
      name,
      Array.from({ length: a.length }, (_, i) => {
        let n = `${name}_${i}`;
        for (let k = 1; taken.has(n); k++) n = `${name}_${i}_${k}`;
        taken.add(n);
        return n;
      }),
    );
  }
  const element = (array: string, index: Expr): string | null => {
    const a = arrays.get(array);
    const i = a ? constIndex(index, a.length) : null;
    return i === null ? null : (names.get(array)?.[i] ?? null);
  };
  const used = new Set<string>();
  const note = (n: string | null): void => {
    if (n !== null) used.add(n);
  };
  visitStmts(ir.body, (s) => {
    if (s.k === 'store') note(element(s.array, s.index));
  });
  visitAllExprs(ir.body, (e) => {
    if (e.k === 'index') note(element(e.array, e.index));
  });
  const expr = (e: Expr): Expr => {
    if (e.k !== 'index') return e;
    const n = element(e.array, e.index);
    return n === null ? e : { k: 'load', name: n, type: e.type, span: e.span };
  };
  const body = mapStmts(ir.body, (s): Stmt | Stmt[] => {
    if (s.k === 'localArray' && arrays.has(s.name)) {
      // Only the elements something touches are declared; the rest are never read.
      return (names.get(s.name) ?? [])
        .filter((n) => used.has(n))
        .map((n): Stmt => {
          const type = valueOf(s.elem);
          return { k: 'let', name: n, type, init: { k: 'const', type, value: 0, span: s.span }, mutable: true, span: s.span };
        });
    }
    const m = mapStmt(s, (e) => mapExpr(e, expr), (b) => b);
    if (m.k !== 'store') return m;
    const n = element(m.array, m.index);
    if (n === null) return m;
    if (surelyNumber(m.value, used)) return { k: 'assign', name: n, value: m.value, span: m.span };
    const value: Expr = { k: 'cast', arg: m.value, type: m.value.type, span: m.value.span };
    storeConversions.add(value);
    return { k: 'assign', name: n, value, span: m.span };
  });
  return { ...ir, body };
}

export const scalarizeRule: Rule = { name: 'scalarize-local-arrays', apply: scalarizeLocalArrays };

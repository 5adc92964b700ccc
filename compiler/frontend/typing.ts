// The type rules: annotations, literal ranges, promotion, implicit conversions and conditions.
import { ts } from 'ts-morph';
import { ELEMENTS, ELEM_TYPES, arrayTypeList, elementOfArrayName, isSmallInt, valueOf } from '../../core/elements.js';
import type { ElemType, Expr, ScalarType, Span } from '../../core/ir/types.js';
import { report, type FnCtx } from './context.js';
import { convert, isFloat } from '../../core/ir/ops.js';
import { f16round } from '../../core/f16.js';

export type AnnotatedType = { k: 'scalar'; type: ScalarType } | { k: 'array'; elem: ElemType } | { k: 'bad'; text: string };

const SCALARS: Record<string, ScalarType> = { f32: 'f32', f16: 'f16', f64: 'f64', i32: 'i32', u32: 'u32', bool: 'bool', boolean: 'bool' };
/** Host array name → element type, from the element table (no prototype: 'constructor' is no key). */
export const ARRAY_ELEMS: Readonly<Record<string, ElemType>> = Object.assign(
  Object.create(null) as Record<string, ElemType>,
  Object.fromEntries(ELEM_TYPES.map((e) => [ELEMENTS[e].host.name, e])),
);

/** Reads a type annotation from its text: kernels need no type checker for their own types. */
export function parseTypeNode(node: ts.TypeNode, sf: ts.SourceFile): AnnotatedType {
  const text = node.getText(sf).trim();
  const s = Object.hasOwn(SCALARS, text) ? SCALARS[text] : undefined;
  if (s) return { k: 'scalar', type: s };
  // `Float32Array<ArrayBuffer>` and friends, as newer lib typings spell them.
  const base = text.replace(/<.*>$/s, '').trim();
  const a = elementOfArrayName(base);
  if (a) return { k: 'array', elem: a };
  return { k: 'bad', text };
}

export function paramTypeHint(text: string): string {
  if (text === 'number') return '`number` does not say which GPU type to use: write f32, i32 or u32';
  if (text === 'any' || text === 'unknown') return `\`${text}\` has no GPU type: write f32, f16, f64, i32, u32, bool or a typed array`;
  return `use f32, f16, f64, i32, u32, bool, ${arrayTypeList()}`;
}

export const isInt = (t: ScalarType): t is 'i32' | 'u32' => t === 'i32' || t === 'u32';

export function inRange(t: ScalarType, v: number): boolean {
  if (t === 'i32') return Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31;
  if (t === 'u32') return Number.isInteger(v) && v >= 0 && v < 2 ** 32;
  if (t === 'f32') return !Number.isFinite(v) || Math.abs(v) <= 3.4028234663852886e38;
  // f16: what rounds to a finite f16 (below 65520, the midpoint to the next power of two).
  if (t === 'f16') return !Number.isFinite(v) || Math.abs(v) < 65520;
  return true;
}

/** The type an integer constant takes without context: i32, else u32 when only that fits. */
export function defaultIntType(v: number): ScalarType {
  return !inRange('i32', v) && inRange('u32', v) ? 'u32' : 'i32';
}

/** A constant of type `t`; a float value is rounded once, from the number given, to `t`. */
export function constOf(t: ScalarType, v: number | boolean, span: Span): Expr {
  if (t === 'bool') return { k: 'const', type: 'bool', value: Boolean(v), span };
  const n = Number(v);
  return { k: 'const', type: t, value: t === 'f32' ? Math.fround(n) : t === 'f16' ? f16round(n) : n, span };
}

export function castTo(e: Expr, t: ScalarType): Expr {
  if (e.type === t) return e;
  // Constants convert at compile time, so literals stay literals in every target.
  if (e.k === 'const' && typeof e.value === 'number' && t !== 'bool') {
    const v = e.value;
    const value = convert(v, t) as number;
    if (Number.isFinite(v) || isFloat(t)) return { k: 'const', type: t, value, span: e.span };
  }
  return { k: 'cast', arg: e, type: t, span: e.span };
}

/**
 * The value a store into an array of `elem` writes, of the element's value type. An 8- or 16-bit
 * integer element keeps only the low bits of whatever integer it is given, so i32 and u32 both
 * store there without a conversion (the same bits either way); everything else follows `coerce`.
 */
export function storeValue(cx: FnCtx, node: ts.Node, e: Expr, elem: ElemType): Expr {
  const to = valueOf(elem);
  if (isSmallInt(elem) && isInt(e.type)) return castTo(e, to);
  return coerce(cx, node, e, to);
}

/** `if (n)`, `!x`, `a && b`: non-bool values are compared with zero. */
export function toBool(e: Expr): Expr {
  if (e.type === 'bool') return e;
  return { k: 'binary', op: '!=', lhs: e, rhs: constOf(e.type, 0, e.span), type: 'bool', span: e.span };
}

/**
 * The wider float type of two (f64 over f32 over f16), or undefined when neither is a float: the
 * type a float operation with an operand of each computes in. Integers join any float type.
 */
export function widerFloat(a: ScalarType, b: ScalarType): ScalarType | undefined {
  for (const t of ['f64', 'f32', 'f16'] as const) if (a === t || b === t) return t;
  return undefined;
}

/** Implicit conversions: int → any float, and a float to a wider one (f16 → f32 → f64), all without surprise. */
function widens(from: ScalarType, to: ScalarType): boolean {
  if (isInt(from)) return isFloat(to);
  return isFloat(from) && isFloat(to) && widerFloat(from, to) === to;
}

/**
 * Converts a value to the type of the place it goes (variable, element, parameter, argument).
 * Only int → float and float widening are implicit; everything else must be written out, and the
 * error says how (KS2020 for a float narrowed, which would round).
 */
export function coerce(cx: FnCtx, node: ts.Node, e: Expr, to: ScalarType): Expr {
  if (e.type === to) return e;
  if (widens(e.type, to)) return castTo(e, to);
  if (isFloat(e.type) && isFloat(to)) {
    report(cx, node, 'KS2020', e.type, to);
    return castTo(e, to);
  }
  const how = to === 'bool' ? ` (compare explicitly, e.g. x != 0, or convert with bool(...))` : `; convert explicitly with ${to}(...)`;
  report(cx, node, 'KS2003', e.type, to, how);
  return castTo(e, to);
}

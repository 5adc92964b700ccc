// Spellings that keep WGSL meaning what the IR means, where the obvious one does not.
import type { Expr } from '../../core/ir/types.js';
import { exprChildren } from '../../core/ir/walk.js';
import { P, type Printed } from '../c-like.js';

/**
 * Call arguments joined with ', ', each but the last parenthesised when it holds a `<` comparison
 * at its own top level. WGSL finds template lists before parsing (spec, "Template list
 * discovery"): an identifier followed by a lone `<` opens a candidate (`<<` and `<=` do not), and
 * the next `>` at the same parenthesis depth (of `>`, `>=` or `>>`) closes it, unless `&&`, `||`,
 * `;`, `{`, `:` or `=` comes first. So `select(a < b, a > b, c)` reads as `a<…>`. A parenthesised
 * argument drops its candidates at its `)`, and in the last argument the call's own `)` does the
 * same; inside one argument the printer never puts two comparisons side by side unparenthesised.
 * Operators are printed with spaces around them, template brackets (`bitcast<f32>`) without.
 */
export function templateSafeArgs(args: readonly string[]): string {
  return args.map((a, i) => (i < args.length - 1 && hasTopLevelLess(a) ? `(${a})` : a)).join(', ');
}

function hasTopLevelLess(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && c === '<' && text.slice(i - 1, i + 2) === ' < ') return true;
  }
  return false;
}

/**
 * `x != x` (isNaN) or `x == x` as a test of the bits. Tint emits float `!=` as OrdNotEqual (false
 * for NaN), and drivers may assume there are no NaNs (WGSL's finite math assumption) and fold a
 * value's comparison with itself; integer operations on the bits are exact everywhere.
 */
export function isNanTest(x: string, nan: boolean): Printed {
  return { text: `(bitcast<u32>(${x}) & 0x7fffffffu) ${nan ? '>' : '<='} 0x7f800000u`, prec: P.rel };
}

/** Whether two expressions always have the same value: equal trees without atomics. */
export function sameExpr(a: Expr, b: Expr): boolean {
  if (a.k !== b.k || a.type !== b.type || a.k === 'atomic') return false;
  const own = (e: Expr): unknown[] => {
    switch (e.k) {
      case 'const':
        return [e.value];
      case 'param':
      case 'load':
        return [e.name];
      case 'builtin':
        return [e.name, e.axis];
      case 'index':
        return [e.array];
      case 'unary':
      case 'binary':
        return [e.op];
      case 'math':
        return [e.fn];
      case 'call':
        return [e.fn];
      default:
        return [];
    }
  };
  const oa = own(a);
  const ob = own(b);
  if (oa.length !== ob.length || oa.some((v, i) => !Object.is(v, ob[i]))) return false;
  const ca = exprChildren(a);
  const cb = exprChildren(b);
  return ca.length === cb.length && ca.every((c, i) => sameExpr(c, cb[i] as Expr));
}

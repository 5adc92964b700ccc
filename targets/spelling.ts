// How a target spells the registry's operations (core/ir/ops.ts). Each target has one table per
// operation family, typed over the registry's unions: adding an operation without its spelling in
// every target is a type error. A spelling is a function name (called with the arguments), a
// function of ours with its definition (emitted once, only when used), or a function that builds
// the text from the printed arguments.
import type { MathFn, MathTypes, NumType } from '../core/ir/ops.js';
import { InternalCompilerError } from '../core/diagnostics/diagnostic.js';
import { prim, type Printed } from './c-like.js';

/** A function the generated code defines before use, once per module. */
export interface HelperFn {
  readonly call: string;
  readonly lines: readonly string[];
}

export type Spelling = string | HelperFn | ((args: readonly Printed[], t: NumType) => Printed);

/**
 * One spelling for every type the function takes, or one per type. Never f16: the f16 rule
 * (targets/f16.ts) computes every f16 operation in f32, so printers meet f16 only in storage.
 */
export type MathSpellings = {
  readonly [F in MathFn]: Spelling | { readonly [T in Exclude<MathTypes<F>, 'f16'>]: Spelling };
};

function isPerType(s: Spelling | Readonly<Record<string, Spelling>>): s is Readonly<Record<string, Spelling>> {
  return typeof s === 'object' && !('call' in s);
}

/** The spelling of `fn` on `t`. */
export function mathSpelling(table: MathSpellings, fn: MathFn, t: NumType): Spelling {
  const s: Spelling | Readonly<Record<string, Spelling>> = table[fn];
  if (!isPerType(s)) return s;
  const forType = s[t];
  // The verifier admits only the registry's types, and the table covers exactly those.
  if (forType === undefined) throw new InternalCompilerError(`no spelling of Math.${fn} on ${t}`);
  return forType;
}

/** The helper functions a set of used math functions (`fn:type` keys) needs, in registry order, once each. */
export function mathHelpers(table: MathSpellings, used: ReadonlySet<string>, order: readonly MathFn[]): HelperFn[] {
  const out = new Map<string, HelperFn>();
  for (const fn of order) {
    for (const t of ['f32', 'f64', 'i32', 'u32'] as const) {
      if (!used.has(`${fn}:${t}`)) continue;
      const s = mathSpelling(table, fn, t);
      if (typeof s === 'object' && !out.has(s.call)) out.set(s.call, s);
    }
  }
  return [...out.values()];
}

/**
 * A math call printed with `s`; `args` prints the argument list as the target's calls need it.
 * Both are thunks and only one runs: printing the arguments twice per call is exponential in the
 * nesting depth (`Math.abs(Math.abs(…))`).
 */
export function spellMath(s: Spelling, printed: () => readonly Printed[], t: NumType, args: () => string): Printed {
  if (typeof s === 'string') return prim(`${s}(${args()})`);
  if (typeof s === 'object') return prim(`${s.call}(${args()})`);
  return s(printed(), t);
}

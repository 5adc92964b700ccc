// Launch builtins read in helpers become hidden parameters. Only the entry point has them in every
// target (JS and WGSL declare them inside the kernel function), so a helper that reads one, itself
// or through the helpers it calls, takes it as an extra trailing i32 parameter and each call site
// passes the `builtin` expression. Passes and targets then see ordinary parameters and arguments,
// and the uniformity check sees threadIdx flow into a call as it does any argument.
import { AXES, BUILTIN_NAMES } from '../../core/ir/ops.js';
import type { Axis, BuiltinName, Expr, ScalarParam, Span, Stmt } from '../../core/ir/types.js';
import { mapAllExprs, visitAllExprs } from '../../core/ir/walk.js';
import { freshName } from './context.js';

/** One builtin component a helper takes as a hidden parameter. */
export interface BuiltinRef {
  name: BuiltinName;
  axis: Axis;
}

export interface HiddenBuiltins {
  body: Stmt[];
  /** In a fixed order (BUILTIN_NAMES, then axis), so a helper's signature does not depend on its body's order. */
  hidden: BuiltinRef[];
  params: ScalarParam[];
}

/**
 * Rewrites a helper body's builtin reads into reads of hidden parameters. `taken` holds every name
 * the helper's IR and the kernel's module scope use: the parameters are named like the builtin
 * (`threadIdx_x`), made unique against it. They are ordinary user names to the targets' name maps,
 * which keep them apart from generated `ks_` names and respell them where a target reserves them.
 */
export function hideBuiltins(body: Stmt[], taken: Set<string>, span: Span): HiddenBuiltins {
  const used = new Set<string>();
  visitAllExprs(body, (e) => {
    if (e.k === 'builtin') used.add(`${e.name}_${e.axis}`);
  });
  if (used.size === 0) return { body, hidden: [], params: [] };
  const hidden: BuiltinRef[] = [];
  const params: ScalarParam[] = [];
  const irName = new Map<string, string>();
  for (const name of BUILTIN_NAMES) {
    for (const axis of AXES) {
      const key = `${name}_${axis}`;
      if (!used.has(key)) continue;
      const ir = freshName(taken, key);
      irName.set(key, ir);
      hidden.push({ name, axis });
      params.push({ kind: 'scalar', name: ir, type: 'i32', span });
    }
  }
  const rewritten = mapAllExprs(body, (e): Expr => {
    if (e.k !== 'builtin') return e;
    const name = irName.get(`${e.name}_${e.axis}`);
    return name === undefined ? e : { k: 'param', name, type: 'i32', span: e.span };
  });
  return { body: rewritten, hidden, params };
}

/** The arguments a call site passes for a helper's hidden parameters. */
export function builtinArgs(hidden: readonly BuiltinRef[], span: Span): Expr[] {
  return hidden.map((b): Expr => ({ k: 'builtin', name: b.name, axis: b.axis, type: 'i32', span }));
}

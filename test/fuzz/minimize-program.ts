// Shrinks a failing generated program while it still fails the same way: drops the other output
// slots and threads, then statements, then replaces expressions by a same-typed operand or a
// literal. Works on the AST, so every candidate is printed fresh and stays well formed (one that
// no longer compiles simply fails to reproduce and is discarded).
import type { Expr, Program, Stmt } from './program.js';
import type { Inputs } from './reference.js';

export type ProgramTest = (p: Program, inputs: Inputs) => Promise<boolean>;

const clone = <T>(x: T): T => structuredClone(x);

function stmtLists(p: Program): Stmt[][] {
  const out: Stmt[][] = [];
  const visit = (ss: Stmt[]): void => {
    out.push(ss);
    for (const s of ss) {
      if (s.k === 'if') {
        visit(s.then);
        if (s.else) visit(s.else);
      } else if (s.k === 'for' || s.k === 'while' || s.k === 'block' || s.k === 'syncfor') visit(s.body);
    }
  };
  visit(p.body);
  for (const h of p.helpers) visit(h.body);
  return out;
}

interface ExprSlot {
  get(): Expr;
  set(e: Expr): void;
}

function exprSlots(p: Program): ExprSlot[] {
  const out: ExprSlot[] = [];
  const slot = <K extends string>(o: Record<K, Expr>, k: K): void => {
    out.push({ get: () => o[k], set: (e) => (o[k] = e) });
    visitExpr(o[k]);
  };
  const visitExpr = (e: Expr): void => {
    switch (e.k) {
      case 'bin':
        slot(e, 'a');
        slot(e, 'b');
        break;
      case 'un':
      case 'conv':
      case 'promote':
        slot(e, 'a');
        break;
      case 'cond':
        slot(e, 'c');
        slot(e, 'a');
        slot(e, 'b');
        break;
      case 'math':
      case 'call':
        e.args.forEach((_, i) => out.push({ get: () => e.args[i] as Expr, set: (x) => (e.args[i] = x) }));
        e.args.forEach(visitExpr);
        break;
      case 'load':
        slot(e, 'idx');
        break;
      case 'sload':
        if (e.idx) slot(e as { idx: Expr }, 'idx');
        break;
      default:
    }
  };
  for (const ss of stmtLists(p)) {
    for (const s of ss) {
      if ((s.k === 'let' && s.init) || s.k === 'return') {
        if (s.k === 'let' && s.init) slot(s as { init: Expr }, 'init');
        if (s.k === 'return' && s.value) slot(s as { value: Expr }, 'value');
      } else if (s.k === 'assign' || s.k === 'out' || s.k === 'sstore') slot(s, 'value');
      else if (s.k === 'atomic') {
        if (s.idx) slot(s as { idx: Expr }, 'idx');
        if (s.value) slot(s as { value: Expr }, 'value');
      }
      else if (s.k === 'store') {
        slot(s, 'idx');
        slot(s, 'value');
      } else if (s.k === 'if') slot(s, 'c');
      else if (s.k === 'for') slot(s, 'to');
      else if (s.k === 'while' && s.c) slot(s as { c: Expr }, 'c');
    }
  }
  return out;
}

/** Same-typed operands of `e`, then a literal: what `e` may be replaced by. */
function simpler(e: Expr): Expr[] {
  const subs: Expr[] = [];
  if (e.k === 'bin' || e.k === 'cond') subs.push(e.a, e.b);
  if (e.k === 'un') subs.push(e.a);
  if (e.k === 'math' || e.k === 'call') subs.push(...e.args);
  const same = subs.filter((s) => s.t === e.t && s.k !== 'promote');
  if (e.k !== 'lit') same.push({ k: 'lit', t: e.t, v: e.t === 'bool' ? true : 1, typed: true });
  return same;
}

/** The smallest variant found (within `maxChecks` runs) of `p` that still fails. */
export async function minimizeProgram(
  p: Program,
  inputs: Inputs,
  keep: { arr: 'OI' | 'OU' | 'OF'; slot: number; thread: number } | null,
  test: ProgramTest,
  maxChecks = 200,
): Promise<{ program: Program; inputs: Inputs }> {
  let left = maxChecks;
  let best = clone(p);
  let inp = inputs;
  const tryIt = async (cand: Program, ci: Inputs = inp): Promise<boolean> => {
    if (left-- <= 0) return false;
    if (!(await test(cand, ci))) return false;
    best = cand;
    inp = ci;
    return true;
  };
  if (keep) {
    // Only the failing thread (and the ones before it, so that its index stays) and slot; whole
    // blocks where there are barriers.
    const n = p.sync ? Math.ceil((keep.thread + 1) / inp.block) * inp.block : keep.thread + 1;
    await tryIt(best, { ...inp, n });
    const cand = clone(best);
    for (const ss of stmtLists(cand)) {
      for (let i = ss.length - 1; i >= 0; i--) {
        const s = ss[i] as Stmt;
        if (s.k === 'out' && !(s.arr === keep.arr && s.slot === keep.slot)) ss.splice(i, 1);
      }
    }
    await tryIt(cand);
  }
  for (let changed = true; changed && left > 0; ) {
    changed = false;
    // Statements, last first (later ones depend on earlier ones, not the reverse).
    const count = stmtLists(best).reduce((s, l) => s + l.length, 0);
    for (let k = count - 1; k >= 0 && left > 0; k--) {
      const cand = clone(best);
      let i = k;
      for (const ss of stmtLists(cand)) {
        if (i < ss.length) {
          ss.splice(i, 1);
          break;
        }
        i -= ss.length;
      }
      if (await tryIt(cand)) changed = true;
    }
    for (let k = 0; k < exprSlots(best).length && left > 0; k++) {
      const options = simpler(exprSlots(best)[k]?.get() as Expr);
      for (const o of options) {
        const cand = clone(best);
        exprSlots(cand)[k]?.set(clone(o));
        if (await tryIt(cand)) {
          changed = true;
          break;
        }
      }
    }
    const used = JSON.stringify(best.body) + JSON.stringify(best.helpers.map((h) => h.body));
    const unused = best.helpers.filter((h) => !used.includes(`"fn":"${h.name}"`));
    if (unused.length > 0 && (await tryIt({ ...clone(best), helpers: best.helpers.filter((h) => !unused.includes(h)) }))) changed = true;
  }
  return { program: best, inputs: inp };
}

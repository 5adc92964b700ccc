// The generic rewriter and predicates of core/ir/walk.ts, on hand-built IR.
import { describe, expect, it } from 'vitest';
import type { Expr, Stmt } from '../../core/ir/types.js';
import { printKernel } from '../../core/ir/print.js';
import {
  hasAtomic, mapAllExprs, mapExpr, mapStmts, someExpr, someExprIn, someStmt,
} from '../../core/ir/walk.js';
import {
  add, array, assign, atomic, b, brk, cont, exprS, f, gid, i, idx, if_, kernelIR, let_, load, loop, lt, math, mul, sel, store,
} from '../../core/ir/build.js';

const text = (body: Stmt[]): string => printKernel(kernelIR('k', [array('o', 'i32', 'write')], body));
const rename = (from: string, to: string) => (e: Expr): Expr => (e.k === 'load' && e.name === from ? { ...e, name: to } : e);

describe('mapExpr', () => {
  it('renames loads at every depth and leaves the input untouched', () => {
    const e = add(sel(b(true), load('x', 'i32'), mul(load('x', 'i32'), i(2))), math('abs', load('x', 'i32')));
    const before = JSON.stringify(e);
    const r = mapExpr(e, rename('x', 'y'));
    expect(someExpr(r, (x) => x.k === 'load' && x.name === 'x')).toBe(false);
    let ys = 0;
    mapExpr(r, (x) => {
      if (x.k === 'load' && x.name === 'y') ys++;
      return x;
    });
    expect(ys).toBe(3);
    expect(JSON.stringify(e)).toBe(before);
  });

  it('replaces a node kind bottom-up: f sees children already rewritten', () => {
    // Every select becomes its then-arm; the outer select's arm is itself a select first.
    const e = sel(b(true), sel(b(false), i(1), i(2)), i(3));
    const seen: string[] = [];
    const r = mapExpr(e, (x) => {
      seen.push(x.k);
      return x.k === 'select' ? x.then : x;
    });
    expect(r).toEqual(i(1));
    expect(seen).toEqual(['const', 'const', 'const', 'const', 'select', 'const', 'select']);
  });
});

describe('someExpr / someStmt', () => {
  it('finds an atomic deep in a select arm', () => {
    const deep = add(f(1), sel(load('c', 'bool'), math('sqrt', atomic('add', 'h', idx('k', gid(), 'i32'), 'f32', f(1))), f(0)));
    expect(hasAtomic(deep)).toBe(true);
    expect(someExpr(deep, (x) => x.k === 'atomic' && x.array === 'h')).toBe(true);
    expect(hasAtomic(add(f(1), sel(load('c', 'bool'), f(2), f(0))))).toBe(false);
  });

  it('stops at the first match', () => {
    let calls = 0;
    someExpr(add(i(1), add(i(2), i(3))), (x) => {
      calls++;
      return x.k === 'binary';
    });
    expect(calls).toBe(1);
  });

  it('searches nested lists, where `into` allows', () => {
    const body: Stmt[] = [if_(b(true), [], [loop(null, [brk])])];
    expect(someStmt(body, (s) => s.k === 'break')).toBe(true);
    expect(someStmt(body, (s) => s.k === 'break', (s) => s.k !== 'loop')).toBe(false);
    expect(someStmt([loop(null, [], [cont])], (s) => s.k === 'continue')).toBe(true);
    expect(someExprIn([if_(b(true), [], [exprS(atomic('add', 'h', i(0), 'i32', i(1)))])], (e) => e.k === 'atomic')).toBe(true);
  });
});

describe('mapStmts / mapAllExprs', () => {
  const body: Stmt[] = [
    let_('x', 'i32', i(0)),
    loop(lt(load('x', 'i32'), i(10)), [if_(b(true), [assign('x', load('x', 'i32'))], [store('o', load('x', 'i32'), load('x', 'i32'))])], [assign('x', add(load('x', 'i32'), i(1)))]),
  ];

  it('reaches loop updates and else branches', () => {
    const r = mapAllExprs(body, rename('x', 'y'));
    expect(someExprIn(r, (e) => e.k === 'load' && e.name === 'x')).toBe(false);
    const out = text(r);
    expect(out).toContain('o[y] = y');
    expect(out).toContain('y + 1');
  });

  it('visits statements bottom-up in list order, and splices lists', () => {
    const order: string[] = [];
    const r = mapStmts(body, (s) => {
      order.push(s.k);
      // Drops every store, doubles every assign.
      if (s.k === 'store') return [];
      return s.k === 'assign' ? [s, s] : s;
    });
    expect(order).toEqual(['let', 'assign', 'store', 'if', 'assign', 'loop']);
    const loopStmt = r[1];
    if (loopStmt?.k !== 'loop') throw new Error('expected the loop');
    expect(loopStmt.update).toHaveLength(2);
    const ifStmt = loopStmt.body[0];
    if (ifStmt?.k !== 'if') throw new Error('expected the if');
    expect(ifStmt.then).toHaveLength(2);
    expect(ifStmt.else).toEqual([]);
  });

  it('renames assignment targets with a statement rule', () => {
    const r = mapStmts(mapAllExprs(body, rename('x', 'y')), (s) => (s.k === 'assign' || s.k === 'let' ? { ...s, name: 'y' } : s));
    expect(text(r)).not.toMatch(/\bx\b/);
    expect(someStmt(r, (s) => s.k === 'assign' && s.name === 'y')).toBe(true);
  });
});

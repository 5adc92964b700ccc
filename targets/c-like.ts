// The printer shared by every target: statements (C-shaped in all three languages) and expressions
// with one precedence scheme. Targets subclass it and override only what their language spells
// differently (literals, builtins, casts, math, atomics, declarations, loops).
import type { Expr, KernelIR, ScalarType, Stmt } from '../core/ir/types.js';
import { fixedArrays } from '../core/ir/walk.js';
import { InternalCompilerError } from '../core/diagnostics/diagnostic.js';
import type { NameMap } from './names.js';

/** A printed expression and how tightly it binds (higher binds tighter). */
export interface Printed {
  text: string;
  prec: number;
}

export const P = { select: 0, or: 1, and: 2, bitor: 3, bitxor: 4, bitand: 5, eq: 6, rel: 7, shift: 8, add: 9, mul: 10, unary: 11, primary: 12 } as const;

export const OP_PREC: Record<string, number> = {
  '||': P.or, '&&': P.and, '|': P.bitor, '^': P.bitxor, '&': P.bitand,
  '==': P.eq, '!=': P.eq, '<': P.rel, '<=': P.rel, '>': P.rel, '>=': P.rel,
  '<<': P.shift, '>>': P.shift, '>>>': P.shift, '+': P.add, '-': P.add, '*': P.mul, '/': P.mul, '%': P.mul,
};

/**
 * Whether `child` may appear unparenthesised as the `side` operand of an operator of precedence
 * `parent`. Deliberately stricter than C: it only allows what WGSL also allows (which forbids
 * mixing bitwise, shift and logical operators without parentheses), and what no compiler warns on.
 */
function bare(child: number, parent: number, side: 'l' | 'r'): boolean {
  if (child >= P.unary) return true;
  if (parent === P.add) return child === P.mul || (child === P.add && side === 'l');
  if (parent === P.mul) return child === P.mul && side === 'l';
  if (parent === P.eq || parent === P.rel) return child === P.add || child === P.mul;
  if (parent === P.and || parent === P.or) return child === parent || child === P.eq || child === P.rel;
  if (parent === P.bitand || parent === P.bitor || parent === P.bitxor) return child === parent;
  return false;
}

export const prim = (text: string): Printed => ({ text, prec: P.primary });

export abstract class CLikePrinter {
  protected out: string[] = [];
  private depth = 0;
  /** Stack of enclosing loops: the label `continue` must reach when a loop is printed in fallback form. */
  protected loops: (string | null)[] = [];
  private labelCount = 0;

  constructor(
    protected readonly ir: KernelIR,
    protected readonly name: NameMap,
  ) {}

  // ---- output -------------------------------------------------------------------------------

  protected line(text: string): void {
    this.out.push(text === '' ? '' : '  '.repeat(this.depth) + text);
  }

  protected indented(f: () => void): void {
    this.depth++;
    f();
    this.depth--;
  }

  protected freshLabel(base: string): string {
    return `ks_${base}_${++this.labelCount}`;
  }

  // ---- expressions ----------------------------------------------------------------------------

  /** Prints `e` as a complete expression (statement level, call argument, index). */
  expr(e: Expr): string {
    return this.print(e).text;
  }

  /** Prints `e` as an operand of an operator with precedence `parent`. */
  protected operand(e: Expr | Printed, parent: number, side: 'l' | 'r'): string {
    const p = 'k' in e ? this.print(e) : e;
    return bare(p.prec, parent, side) ? p.text : `(${p.text})`;
  }

  /** Operand of a prefix operator: parenthesised unless primary (also avoids `--x`). */
  protected unaryOperand(e: Expr): string {
    const p = this.print(e);
    return p.prec >= P.primary && !p.text.startsWith('-') ? p.text : `(${p.text})`;
  }

  /** `lhs op rhs` with operands parenthesised as needed. */
  protected infix(op: string, lhs: Expr | Printed, rhs: Expr | Printed, prec = OP_PREC[op] ?? P.select): Printed {
    return { text: `${this.operand(lhs, prec, 'l')} ${op} ${this.operand(rhs, prec, 'r')}`, prec };
  }

  protected args(es: readonly Expr[]): string {
    return es.map((a) => this.expr(a)).join(', ');
  }

  print(e: Expr): Printed {
    switch (e.k) {
      case 'const':
        return this.literal(e.type, e.value);
      case 'param':
      case 'load':
        return prim(this.name(e.name));
      case 'builtin':
        return this.builtin(e.name, e.axis);
      case 'index':
        return this.indexRead(e);
      case 'unary':
        return this.unary(e);
      case 'binary':
        return this.binary(e);
      case 'select':
        return this.select(e);
      case 'cast':
        return e.arg.type === e.type ? this.print(e.arg) : this.cast(e.arg, e.type);
      case 'math':
        return this.math(e);
      case 'call':
        return prim(`${this.name(e.fn)}(${this.args(e.args)})`);
      case 'atomic':
        return this.atomic(e);
      case 'warp':
        return this.warp(e);
      case 'length': {
        const fixed = this.fixedLengths().get(e.array);
        return fixed === undefined ? this.globalLength(e.array) : this.literal('i32', fixed.length);
      }
    }
  }

  private fixed: ReturnType<typeof fixedArrays> | null = null;

  private fixedLengths(): ReturnType<typeof fixedArrays> {
    return (this.fixed ??= fixedArrays(this.ir));
  }

  /** Debug builds: the i32 element count of an array parameter (targets/debug.ts). */
  protected abstract globalLength(array: string): Printed;
  /** Debug builds: records a fault (targets/debug.ts); index and length are printed u32 values. */
  protected abstract fault(s: Extract<Stmt, { k: 'fault' }>): void;
  /** console.log: one line of the log (core/printf.ts); args are the six coordinates, then the values. */
  protected abstract logLine(s: Extract<Stmt, { k: 'print' }>): void;

  protected abstract literal(type: ScalarType, value: number | boolean): Printed;
  protected abstract builtin(name: Extract<Expr, { k: 'builtin' }>['name'], axis: string): Printed;
  protected abstract cast(arg: Expr, to: ScalarType): Printed;
  protected abstract math(e: Extract<Expr, { k: 'math' }>): Printed;
  protected abstract atomic(e: Extract<Expr, { k: 'atomic' }>): Printed;
  /** A warp operation (core/ir/ops.ts WARP), f16 already lowered to f32 (targets/f16.ts). */
  protected abstract warp(e: Extract<Expr, { k: 'warp' }>): Printed;
  protected abstract typeName(t: ScalarType): string;

  protected indexRead(e: Extract<Expr, { k: 'index' }>): Printed {
    return prim(`${this.name(e.array)}[${this.expr(e.index)}]`);
  }

  protected unary(e: Extract<Expr, { k: 'unary' }>): Printed {
    const op = e.op === 'neg' ? '-' : e.op === 'not' ? '!' : '~';
    return { text: `${op}${this.unaryOperand(e.arg)}`, prec: P.unary };
  }

  protected binary(e: Extract<Expr, { k: 'binary' }>): Printed {
    return this.infix(e.op, e.lhs, e.rhs);
  }

  protected select(e: Extract<Expr, { k: 'select' }>): Printed {
    const part = (x: Expr): string => {
      const p = this.print(x);
      return p.prec > P.select ? p.text : `(${p.text})`;
    };
    return { text: `${part(e.cond)} ? ${part(e.then)} : ${part(e.else)}`, prec: P.select };
  }

  // ---- statements ---------------------------------------------------------------------------

  stmts(body: readonly Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  /** Statement-level condition text, parenthesised once. */
  protected cond(e: Expr): string {
    return `(${this.expr(e)})`;
  }

  protected stmt(s: Stmt): void {
    switch (s.k) {
      case 'let':
        return this.declare(s);
      case 'assign':
        return this.line(`${this.name(s.name)} = ${this.expr(s.value)};`);
      case 'store':
        return this.store(s);
      case 'localArray':
        return this.localArray(s);
      case 'vload':
        return this.vload(s);
      case 'vstore':
        return this.vstore(s);
      case 'expr':
        return this.line(`${this.expr(s.expr)};`);
      case 'if':
        return this.ifStmt(s, '');
      case 'loop':
        return this.loop(s);
      case 'block':
        this.line('{');
        this.indented(() => this.stmts(s.body));
        return this.line('}');
      case 'break':
        return this.line('break;');
      case 'continue': {
        const label = this.loops[this.loops.length - 1];
        return this.line(label ? this.continueTo(label) : 'continue;');
      }
      case 'return':
        return this.line(s.value ? `return ${this.expr(s.value)};` : this.kernelReturn(s));
      case 'barrier':
        return this.line(this.barrier(s));
      case 'fence':
        return this.fence();
      case 'fault':
        return this.fault(s);
      case 'print':
        return this.logLine(s);
      case 'matrix':
        return this.matrix(s);
    }
  }

  /** A warp-level matrix statement (core/matrix.ts), as lines. */
  protected matrix(s: Extract<Stmt, { k: 'matrix' }>): void {
    throw new InternalCompilerError(`the matrix statement '${s.op}' reached a printer that does not spell it`);
  }

  private ifStmt(s: Extract<Stmt, { k: 'if' }>, prefix: string): void {
    this.line(`${prefix}if ${this.cond(s.cond)} {`);
    this.indented(() => this.stmts(s.then));
    const only = s.else.length === 1 ? s.else[0] : undefined;
    if (only && only.k === 'if') {
      this.ifStmt(only, '} else ');
      return;
    }
    if (s.else.length > 0) {
      this.line('} else {');
      this.indented(() => this.stmts(s.else));
    }
    this.line('}');
  }

  protected abstract declare(s: Extract<Stmt, { k: 'let' }>): void;
  protected abstract localArray(s: Extract<Stmt, { k: 'localArray' }>): void;
  /** One aligned vector read of a global or shared array into its component locals. */
  protected abstract vload(s: Extract<Stmt, { k: 'vload' }>): void;
  /** One aligned vector write. */
  protected abstract vstore(s: Extract<Stmt, { k: 'vstore' }>): void;
  protected abstract barrier(s: Extract<Stmt, { k: 'barrier' }>): string;
  /** threadfence(): a device-scope memory fence, as lines (none where nothing is needed). */
  protected abstract fence(): void;
  /** A value-less `return` (in a kernel the thread exits). */
  protected kernelReturn(_s: Extract<Stmt, { k: 'return' }>): string {
    return 'return;';
  }

  protected store(s: Extract<Stmt, { k: 'store' }>): void {
    this.line(`${this.storeText(s)};`);
  }

  /** `a[i] = v` as an expression (a statement, or a part of a loop's update). */
  protected storeText(s: Extract<Stmt, { k: 'store' }>): string {
    return `${this.name(s.array)}[${this.expr(s.index)}] = ${this.expr(s.value)}`;
  }

  /** `continue` out of a loop printed in fallback form (C: goto, JS: break out of a labelled block). */
  protected abstract continueTo(label: string): string;
  /** Wraps a fallback loop's body so `continueTo(label)` lands just after it. */
  protected abstract fallbackBody(label: string, body: () => void): void;

  /**
   * C and JS loops: native `while`/`for`/`do…while` when the update is a list of simple statements
   * (printed as a comma expression), otherwise `for (;;)` with explicit tests and a labelled
   * continue target.
   */
  protected loop(s: Extract<Stmt, { k: 'loop' }>): void {
    const update = this.simpleUpdate(s.update);
    const c = s.cond ? this.cond(s.cond) : null;
    if (update !== null && (s.testFirst || s.update.length === 0)) {
      this.loops.push(null);
      if (!s.testFirst) {
        this.line('do {');
        this.indented(() => this.stmts(s.body));
        this.line(`} while ${c ?? '(true)'};`);
      } else {
        if (update === '') this.line(c ? `while ${c} {` : 'for (;;) {');
        else this.line(`for (; ${c ? c.slice(1, -1) : ''}; ${update}) {`);
        this.indented(() => this.stmts(s.body));
        this.line('}');
      }
      this.loops.pop();
      return;
    }
    const label = hasOwnContinue(s.body) ? this.freshLabel('continue') : null;
    this.line('for (;;) {');
    this.indented(() => {
      if (s.testFirst && c) this.line(`if (!${c}) break;`);
      this.loops.push(label);
      if (label) this.fallbackBody(label, () => this.stmts(s.body));
      else this.stmts(s.body);
      this.loops.pop();
      this.loops.push(null);
      this.stmts(s.update);
      this.loops.pop();
      if (!s.testFirst && c) this.line(`if (!${c}) break;`);
    });
    this.line('}');
  }

  /** The update as one comma expression, '' when empty, null when it holds other statements. */
  private simpleUpdate(update: readonly Stmt[]): string | null {
    const parts: string[] = [];
    for (const u of update) {
      if (u.k === 'assign') parts.push(`${this.name(u.name)} = ${this.expr(u.value)}`);
      else if (u.k === 'store' && this.plainStore(u)) parts.push(this.storeText(u));
      else if (u.k === 'expr') parts.push(this.expr(u.expr));
      else return null;
    }
    return parts.join(', ');
  }

  /** Whether `store` prints as a plain `a[i] = v` (false where the target stores atomically). */
  protected plainStore(_s: Extract<Stmt, { k: 'store' }>): boolean {
    return true;
  }
}

/** Whether `body` holds a `continue` that belongs to the loop owning `body`. */
export function hasOwnContinue(body: readonly Stmt[]): boolean {
  return body.some((s) => {
    if (s.k === 'continue') return true;
    if (s.k === 'if') return hasOwnContinue(s.then) || hasOwnContinue(s.else);
    if (s.k === 'block') return hasOwnContinue(s.body);
    return false;
  });
}

/** `p` as the `side` operand of an operator of precedence `parent`, parenthesised where needed. */
export function operandText(p: Printed, parent: number, side: 'l' | 'r'): string {
  return bare(p.prec, parent, side) ? p.text : `(${p.text})`;
}

// The warp rule: a warp operation (shfl…, warpSum…, warpBallot) must be reached by all lanes of
// its warp together. It is the barrier rule (uniformity.ts) with "uniform" meaning "the same in
// every lane of a warp", given the launch rule every backend enforces for such kernels: blockDim.x
// is a multiple of warpSize, so a warp lies within one row of the block (runtime/device.ts).
//   Warp-uniform, beyond what is block-uniform: threadIdx.y and threadIdx.z; warpSize; the results of
//   warpSum/Min/Max/Any/All/Ballot (one value per warp); `threadIdx.x / warpSize`, `threadIdx.x <
//   warpSize` and `threadIdx.x >= warpSize`; and, for warps
//   of at most 32 lanes, comparisons of threadIdx.x with a constant that splits it at a multiple of
//   32 (`threadIdx.x < 64`, `>= 32`, `<= 31`, `> 95`) and `threadIdx.x / 32k`, `threadIdx.x >> s`
//   (s ≥ 5). A kernel that needs those rules is marked (KernelIR.warpAtMost32) and refused at
//   launch on wider warps (webgpu subgroups of 64 or 128). threadIdx.x stands also for immutable
//   locals initialised with it (`const tid = threadIdx.x`).
//   Lane-varying: threadIdx.x, laneId, shuffle results, atomics, and what the barrier rule calls
//   non-uniform (reads of written, shared and local arrays).
// Collective operations may not sit in an arm of ?: or the right side of && / || (KS3020): targets
// evaluate those differently (WGSL's select runs both arms). Matrix statements (core/matrix.ts) are
// collective too, named by their function in KS5010/KS5011, and their offset, stride and fill
// value must be warp-uniform (KS2079).
import type { DiagnosticBag } from '../../core/diagnostics/diagnostic.js';
import type { Expr, FragRole, KernelIR, Span, Stmt } from '../../core/ir/types.js';
import { convert, evaluateBinary, WARP, type WarpOp } from '../../core/ir/ops.js';
import { someExprIn, someStmt, stmtExprs, visitAllExprs, visitExpr, visitStmts } from '../../core/ir/walk.js';
import { MATRIX, MEMORY_FN } from '../../core/matrix.js';
import type { Level } from './uniformity.js';

const collective = (e: Expr): e is Extract<Expr, { k: 'warp' }> => e.k === 'warp' && WARP[e.op].kind !== 'value';
/** Warp operations whose result is one value for the whole warp. */
const perWarp = (op: WarpOp): boolean => WARP[op].kind === 'reduce' || WARP[op].kind === 'vote' || op === 'size';

/** An integer constant expression's value, or null. */
function constInt(e: Expr): number | null {
  if (e.k === 'const') return typeof e.value === 'number' && Number.isInteger(e.value) ? e.value : null;
  if (e.k === 'cast') {
    const v = constInt(e.arg);
    return v === null ? null : (convert(v, e.type) as number);
  }
  if (e.k === 'binary') {
    const a = constInt(e.lhs);
    const b = constInt(e.rhs);
    if (a === null || b === null) return null;
    const v = evaluateBinary(e.op, a, b, e.lhs.type, e.type);
    return typeof v === 'number' ? v : null;
  }
  return null;
}

const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

export class WarpLevel implements Level {
  /** Whether the kernel uses any warp operation (warpSize and laneId included). */
  readonly used: boolean;
  /** Whether the rules that hold for warps of at most 32 lanes apply. */
  upTo32 = false;
  /** Immutable locals holding threadIdx.x. */
  private readonly tids = new Set<string>();

  /** The role of each matrix fragment, which names its load (matrixLoadA/B/Acc). */
  private readonly roles = new Map<string, FragRole>();

  constructor(private readonly k: KernelIR) {
    this.used = someExprIn(k.body, (e) => e.k === 'warp') || someStmt(k.body, (s) => s.k === 'matrix');
    if (!this.used) return;
    visitStmts(k.body, (s) => {
      if (s.k === 'let' && !s.mutable && s.init && this.isTid(s.init)) this.tids.add(s.name);
      if (s.k === 'matrix' && s.op === 'frag') this.roles.set(s.name, s.frag.role);
    });
  }

  /** The language name of a matrix statement (core/matrix.ts), or null for a declaration. */
  private matrixName(s: Extract<Stmt, { k: 'matrix' }>): string | null {
    switch (s.op) {
      case 'frag':
        return null;
      case 'load':
        return MEMORY_FN[this.roles.get(s.name) ?? 'acc'];
      default:
        return MATRIX[s.op].surface;
    }
  }

  private isTid(e: Expr): boolean {
    if (e.k === 'builtin') return e.name === 'threadIdx' && e.axis === 'x';
    if (e.k === 'load') return this.tids.has(e.name);
    return e.k === 'cast' && (e.type === 'i32' || e.type === 'u32') && this.isTid(e.arg);
  }

  leaf(e: Expr): boolean | undefined {
    if (e.k === 'builtin') return e.name === 'threadIdx' && e.axis === 'x';
    if (e.k === 'atomic') return true;
    if (e.k === 'warp') return !perWarp(e.op);
    if (e.k === 'binary' && this.splitsAtWarps(e)) return false;
    if (e.k === 'load' && this.tids.has(e.name)) return true;
    return undefined;
  }

  /** Whether `tid OP c` (either side) takes one value per warp. */
  private splitsAtWarps(e: Extract<Expr, { k: 'binary' }>): boolean {
    const left = this.isTid(e.lhs);
    if (!left && !this.isTid(e.rhs)) return false;
    const other = left ? e.rhs : e.lhs;
    if (other.k === 'warp' && other.op === 'size') {
      // tid / warpSize, and tid < warpSize (the first warp) or its negation: any warp size.
      const op = left ? e.op : (FLIP[e.op] ?? e.op);
      return (left && e.op === '/') || op === '<' || op === '>=';
    }
    if (!this.upTo32) return false;
    const c = constInt(other);
    if (c === null) return false;
    const op = left ? e.op : (FLIP[e.op] ?? e.op);
    if (op === '<' || op === '>=') return c % 32 === 0;
    if (op === '<=' || op === '>') return (c + 1) % 32 === 0;
    if (!left) return false;
    if (op === '/') return c > 0 && c % 32 === 0;
    return (op === '>>' || op === '>>>') && c >= 5 && c < 32;
  }

  syncs(s: Stmt): { span: Span; op: string }[] {
    const out: { span: Span; op: string }[] = [];
    // Matrix operations are collective: the whole warp runs each with the same operands.
    const m = s.k === 'matrix' ? this.matrixName(s) : null;
    if (m) out.push({ span: s.span, op: m });
    for (const e of stmtExprs(s)) {
      visitExpr(e, (x) => {
        if (collective(x)) out.push({ span: x.span, op: WARP[x.op].surface });
      });
    }
    return out;
  }

  /** The operands of a matrix operation, which every lane of the warp must give alike (KS2079). */
  operands(s: Stmt): { e: Expr; what: string; op: string }[] {
    if (s.k !== 'matrix') return [];
    const op = this.matrixName(s) ?? '';
    if (s.op === 'fill') return [{ e: s.value, what: 'value', op }];
    if (s.op === 'load' || s.op === 'store') return [{ e: s.offset, what: 'offset', op }, { e: s.stride, what: 'stride', op }];
    return [];
  }

  /** KS3020: collective operations in an arm of ?: or the right side of && / ||. */
  checkOperands(diags: DiagnosticBag): void {
    const reported = new Set<Expr>();
    const flag = (e: Expr, where: string): void =>
      visitExpr(e, (x) => {
        if (collective(x) && !reported.has(x)) {
          reported.add(x);
          diags.report(x.span, 'KS3020', WARP[x.op].surface, where);
        }
      });
    visitAllExprs(this.k.body, (e) => {
      if (e.k === 'select') {
        flag(e.then, 'in an arm of ?:');
        flag(e.else, 'in an arm of ?:');
      } else if (e.k === 'binary' && (e.op === '&&' || e.op === '||')) {
        flag(e.rhs, `on the right side of ${e.op}`);
      }
    });
  }
}

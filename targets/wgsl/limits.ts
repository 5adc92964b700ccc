// What Tint (Dawn's WGSL compiler) refuses, diagnosed at the TypeScript source instead. Limits
// found through Dawn here and in Tint's sources:
//  - an array may have at most 65535 elements (resolver: kMaxArrayElementCount), and a function
//    or private variable at most 64 KiB (IR validator: kMaxTemporaryStorageSize), so a local
//    array of 4-byte elements at most 16384 ("var: result type size (65540) exceeds maximum
//    allowed (65536)" when the pipeline is created);
//  - workgroup memory is bounded by the device's maxComputeWorkgroupStorageSize, at most 64 KiB on
//    any Dawn device (its limit tiers are 16, 32, 48 and 64 KiB); the runtime checks the device's
//    own limit at launch;
//  - nesting: see nesting.ts (measured on the printed code) and split.ts (what splitting
//    deep expressions leaves).
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import { stmtExprs, visitStmts } from '../../core/ir/walk.js';
import { sharedLimit } from '../analysis.js';
import { MAX_PARSE_DEPTH, MAX_STATEMENT_DEPTH, measureNesting } from './nesting.js';
import { deepestExpr, exprDepth, splitKernel } from './split.js';
import { f64Limit } from './floats.js';
import { vectorLimits } from './vectors.js';
import { matrixLimits } from './matrix.js';
import { localSlotBytes } from './pack.js';

export const WGSL_MAX_LOCAL_BYTES = 65536;
export const WGSL_MAX_SHARED_BYTES = 65536;
/** What splitting leaves deeper than this may print deeper than Tint's 512 expression levels. */
export const WGSL_MAX_UNSPLIT_DEPTH = 128;

/** A statement or expression and how deep the printer nests it (an estimate, for the location). */
interface Site {
  node: Stmt | Expr;
  depth: number;
}

/**
 * Walks statements as the printer nests them: braces around each block, Tint's statement depth
 * (two per if or loop, one per `else if` and per bare block), visiting each statement's expressions.
 */
function walk(body: readonly Stmt[], depth: number, braces: number, f: (s: Stmt, depth: number, braces: number) => void): void {
  for (const s of body) {
    f(s, depth, braces);
    if (s.k === 'if') {
      walk(s.then, depth + 2, braces + 1, f);
      const [only] = s.else;
      if (s.else.length === 1 && only?.k === 'if') walk(s.else, depth + 1, braces, f);
      else walk(s.else, depth + 2, braces + 1, f);
    } else if (s.k === 'loop') {
      walk(s.body, depth + 2, braces + 1, f);
      walk(s.update, depth + 3, braces + 2, f);
    } else if (s.k === 'block') walk(s.body, depth + 1, braces + 1, f);
  }
}

function deepestSites(ir: KernelIR): { statement: Site; expr: Site } {
  let statement: Site = { node: ir.body[0] ?? ({ k: 'break', span: ir.span } as Stmt), depth: 0 };
  let expr: Site = statement;
  const visit = (s: Stmt, depth: number, braces: number): void => {
    if (depth > statement.depth) statement = { node: s, depth };
    for (const e of stmtExprs(s)) {
      const d = braces + exprDepth(e);
      if (d > expr.depth) expr = { node: e, depth: d };
    }
  };
  walk(ir.body, 2, 1, visit);
  for (const h of ir.helpers) walk(h.body, 2, 1, visit);
  return { statement, expr };
}

export function wgslLimits(ir: KernelIR, code: string): Diagnostic[] {
  // WGSL has no f64 at all: nothing else about such a kernel matters (floats.ts).
  const f64 = f64Limit(ir);
  if (f64.length > 0) return f64;
  const out: Diagnostic[] = [];
  // No device-scope memory fence in WGSL (storageBarrier orders memory within one workgroup only).
  for (const body of [ir.body, ...ir.helpers.map((h) => h.body)]) {
    visitStmts(body, (s) => {
      if (s.k === 'fence') out.push(makeDiagnostic(s.span, 'KS8035', 'wgsl'));
    });
  }
  visitStmts(ir.body, (s) => {
    if (s.k !== 'localArray') return;
    const max = Math.floor(WGSL_MAX_LOCAL_BYTES / localSlotBytes(s.elem));
    if (s.length > max) out.push(makeDiagnostic(s.span, 'KS8001', 'wgsl', s.name, s.length, max, 'Tint allows 64 KiB per variable'));
  });
  const shared = sharedLimit(ir, 'wgsl', WGSL_MAX_SHARED_BYTES);
  if (shared) out.push(shared);
  out.push(...vectorLimits(ir));
  out.push(...matrixLimits(ir));
  const nesting = measureNesting(code);
  const deepest = deepestSites(ir);
  if (nesting.statement > MAX_STATEMENT_DEPTH) {
    out.push(makeDiagnostic(deepest.statement.node.span, 'KS8004', 'wgsl', nesting.statement, MAX_STATEMENT_DEPTH));
  }
  const unsplit = deepestExpr(splitKernel(ir));
  if (unsplit && exprDepth(unsplit) > WGSL_MAX_UNSPLIT_DEPTH) {
    out.push(makeDiagnostic(unsplit.span, 'KS8005', 'wgsl', exprDepth(unsplit), WGSL_MAX_UNSPLIT_DEPTH));
  } else if (nesting.parse > MAX_PARSE_DEPTH) {
    out.push(makeDiagnostic(deepest.expr.node.span, 'KS8005', 'wgsl', nesting.parse, MAX_PARSE_DEPTH));
  }
  return out;
}

// console.log in kernels and helpers: one `print` statement, its format checked here against the
// values' types (core/printf.ts). Two forms, as in JS:
//   console.log('i = %d, x = %.3f', i, x)   a first argument with '%' is a format: one value per
//                                           conversion (string literals fill %s), no more, no fewer;
//   console.log('x', x, `y = ${y}`)         otherwise every argument prints, space-separated:
//                                           literal text as it is, values and template holes in
//                                           their default conversion (%d, %u, %g, true/false).
import { ts } from 'ts-morph';
import type { Expr, Span, Stmt } from '../../core/ir/types.js';
import { AXES } from '../../core/ir/ops.js';
import { hasCollective } from '../../core/ir/walk.js';
import { CONV_TYPES, MAX_PRINT_VALUES, defaultSpec, parseFormat, type ParsedSpec, type PrintPiece, type PrintSpec } from '../../core/printf.js';
import { freshName, lookup, report, span, type FnCtx } from './context.js';
import { hasAtomic, lowerExpr, strip } from './expr.js';
import { isVecExpr } from './vectors.js';
import { lookupModuleName } from './symbols.js';

/** `console.<name>(...)` where `console` is the global (not a local or parameter of that name): the name. */
export function consoleMethod(cx: FnCtx, node: ts.CallExpression): string | null {
  const callee = strip(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return null;
  if (callee.expression.text !== 'console' || lookup(cx, 'console')) return null;
  return callee.name.text;
}

const isText = (n: ts.Expression): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n);

/** A string made at run time: concatenation with a literal (`'x = ' + x`). */
function isConcatenation(n: ts.Expression): boolean {
  const e = strip(n);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.PlusToken) return false;
  const side = (s: ts.Expression): boolean => {
    const x = strip(s);
    return isText(x) || ts.isTemplateExpression(x) || isConcatenation(x);
  };
  return side(e.left) || side(e.right);
}

type Value = { node: ts.Expression; spec: Omit<PrintSpec, 'type'> | null };

/** Lowers `console.log(...)` (a statement) into `out`. */
export function lowerConsole(cx: FnCtx, node: ts.CallExpression, method: string, out: Stmt[]): void {
  if (method !== 'log') {
    report(cx, strip(node.expression), 'KS3035', method);
    return;
  }
  const args = node.arguments;
  for (const a of args) {
    if (ts.isSpreadElement(a)) {
      report(cx, a, 'KS3001', 'spread (...)');
      return;
    }
  }
  const pieces: (string | Value)[] = [];
  const first = args[0] ? strip(args[0]) : null;
  if (first && isText(first) && first.text.includes('%')) {
    if (!formatPieces(cx, first, args.slice(1), pieces)) return;
  } else {
    args.forEach((a, i) => {
      if (i > 0) pieces.push(' ');
      joinedPiece(cx, a, pieces);
    });
  }
  const values = pieces.filter((p): p is Value => typeof p !== 'string');
  if (values.length > MAX_PRINT_VALUES) {
    report(cx, node, 'KS3037', MAX_PRINT_VALUES, values.length);
    return;
  }
  const sp = span(cx, node);
  const lowered = new Map<Value, Expr>();
  let ok = true;
  for (const v of values) {
    const e = lowerValue(cx, v);
    if (!e) ok = false;
    else lowered.set(v, e);
  }
  if (!ok) return;
  // An atomic among the values: all are read into locals first, in order, so each runs once and
  // every target evaluates them in the source's order (C leaves argument order unspecified). A warp
  // operation too: it must run in every lane, also where the log buffer is full and the record is
  // dropped (the targets evaluate the values only for records that fit).
  if ([...lowered.values()].some((e) => hasAtomic(e) || hasCollective(e))) {
    for (const [v, e] of lowered) {
      const name = freshName(cx.names, 'log_v');
      out.push({ k: 'let', name, type: e.type, init: e, mutable: false, span: e.span });
      lowered.set(v, { k: 'load', name, type: e.type, span: e.span });
    }
  }
  const final: PrintPiece[] = [];
  const vals: Expr[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') {
      const last = final[final.length - 1];
      if (typeof last === 'string') final[final.length - 1] = last + p;
      else if (p) final.push(p);
      continue;
    }
    const e = lowered.get(p) as Expr;
    final.push(p.spec ? { ...p.spec, type: e.type } : defaultSpec(e.type));
    vals.push(e);
  }
  const coords = (['blockIdx', 'threadIdx'] as const).flatMap((name) =>
    AXES.map((axis): Expr => ({ k: 'builtin', name, axis, type: 'i32', span: sp })),
  );
  // Dry runs (inference of literal locals) throw their statements away: no site for them.
  const site = cx.dry ? 0 : cx.helpers.prints.push({ file: baseName(sp), line: sp.line, column: sp.column, pieces: final }) - 1;
  out.push({ k: 'print', site, args: [...coords, ...vals], span: sp });
}

const baseName = (sp: Span): string => sp.file.split(/[\\/]/).pop() ?? sp.file;

/** The format's text and conversions, each conversion paired with its value (string literals folded). */
function formatPieces(cx: FnCtx, format: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, rest: readonly ts.Expression[], out: (string | Value)[]): boolean {
  const parsed = parseFormat(format.text);
  if (!parsed.ok) {
    report(cx, format, 'KS3031', parsed.text, parsed.why);
    return false;
  }
  const specs = parsed.pieces.filter((p): p is ParsedSpec => typeof p !== 'string');
  if (specs.length !== rest.length) {
    report(cx, rest[specs.length] ?? format, 'KS3032', specs.length, rest.length);
    return false;
  }
  let i = 0;
  let ok = true;
  for (const p of parsed.pieces) {
    if (typeof p === 'string') {
      out.push(p);
      continue;
    }
    const node = rest[i++] as ts.Expression;
    const n = strip(node);
    if (isText(n)) {
      // A literal string fills %s at compile time.
      if (p.conv !== 's') {
        report(cx, node, 'KS3033', p.text, CONV_TYPES[p.conv].join(', '), 'a string', 'use %s for text');
        ok = false;
      } else out.push(pad(n.text, p));
      continue;
    }
    const { conv, flags, width, precision } = p;
    out.push({ node, spec: { conv, flags, width, precision } });
  }
  return ok;
}

/** Literal text padded as %s with a width would pad it. */
function pad(text: string, p: ParsedSpec): string {
  const fill = Math.max(0, (p.width ?? 0) - text.length);
  return p.flags.includes('-') ? text + ' '.repeat(fill) : ' '.repeat(fill) + text;
}

/** One argument of the format-less form. */
function joinedPiece(cx: FnCtx, a: ts.Expression, out: (string | Value)[]): void {
  const n = strip(a);
  if (isText(n)) {
    out.push(n.text);
    return;
  }
  if (ts.isTemplateExpression(n)) {
    out.push(n.head.text);
    for (const s of n.templateSpans) {
      out.push({ node: s.expression, spec: null });
      out.push(s.literal.text);
    }
    return;
  }
  out.push({ node: a, spec: null });
}

/** A value's IR, checked against its conversion; null after an error. */
function lowerValue(cx: FnCtx, v: Value): Expr | null {
  const n = strip(v.node);
  if (ts.isIdentifier(n)) {
    const b = lookup(cx, n.text);
    if (b?.k === 'array') {
      report(cx, v.node, 'KS3034', n.text, 'an array', `elements, as in ${n.text}[i]`);
      return null;
    }
    const sym = b ? null : lookupModuleName(cx.mod, n.text);
    const init = sym?.k === 'const' ? sym.decl.initializer : undefined;
    if (init && (isText(strip(init)) || ts.isTemplateExpression(strip(init)))) {
      report(cx, v.node, 'KS3030', `'${n.text}' is a string constant; write the format (or text) as a literal in the call`);
      return null;
    }
  }
  if (isVecExpr(cx, n)) {
    report(cx, v.node, 'KS3034', n.getText(cx.mod.sf), 'a vector', 'components, as in v.x, v.y');
    return null;
  }
  if (isConcatenation(n) || ts.isTemplateExpression(n) || isText(n)) {
    report(cx, v.node, 'KS3030', 'a string built at run time cannot be printed; write the text in the format or a template literal');
    return null;
  }
  const lowered = lowerExpr(cx, v.node);
  // An f16 prints as its f32 value (exact), so no target prints f16 itself.
  const e: Expr = lowered.type === 'f16' ? { k: 'cast', arg: lowered, type: 'f32', span: lowered.span } : lowered;
  if (v.spec && !CONV_TYPES[v.spec.conv].includes(e.type)) {
    const float = e.type === 'f32' || e.type === 'f16' || e.type === 'f64';
    const hint = float ? 'use %f, %e or %g, or convert it with i32(...)'
      : e.type === 'bool' ? 'use %s or %d'
      : v.spec.conv === 's' ? 'use %d, %u or %x' : 'use %d, %u or %x, or convert it with f32(...)';
    report(cx, v.node, 'KS3033', `%${v.spec.conv}`, CONV_TYPES[v.spec.conv].join(', '), e.type, hint);
    return null;
  }
  return e;
}

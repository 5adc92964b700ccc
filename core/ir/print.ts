// Stable text form of the IR (golden tests, `--emit ir`). One statement per line, each ending in
// its source position as `@line:col`; expressions are fully parenthesised.
import type { Expr, HelperIR, KernelIR, MatrixStmt, Param, Stmt } from './types.js';

const UNARY = { neg: '-', not: '!', bitnot: '~' } as const;

export function printExpr(e: Expr): string {
  switch (e.k) {
    case 'const':
      if (typeof e.value === 'boolean') return String(e.value);
      return e.type === 'f32' ? printF32(e.value) : `${e.value}${e.type === 'u32' ? 'u' : ''}`;
    case 'param':
    case 'load':
      return e.name;
    case 'builtin':
      return `${e.name}.${e.axis}`;
    case 'index':
      return `${e.array}[${printExpr(e.index)}]`;
    case 'unary':
      return `${UNARY[e.op]}${printExpr(e.arg)}`;
    case 'binary':
      return `(${printExpr(e.lhs)} ${e.op} ${printExpr(e.rhs)})`;
    case 'select':
      return `(${printExpr(e.cond)} ? ${printExpr(e.then)} : ${printExpr(e.else)})`;
    case 'cast':
      return `${e.type}(${printExpr(e.arg)})`;
    case 'math':
      return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'call':
      return `${e.fn}(${[...e.args.map(printExpr), ...(e.arrays ?? []).map((a) => `${a}[]`)].join(', ')})`;
    case 'atomic':
      return `atomic_${e.op}(${e.array}[${printExpr(e.index)}]${e.args.map((a) => ', ' + printExpr(a)).join('')})`;
    case 'length':
      return `length(${e.array})`;
    case 'warp':
      return e.args.length === 0 ? `warp_${e.op}` : `warp_${e.op}(${e.args.map(printExpr).join(', ')})`;
  }
}

function printF32(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const s = String(v);
  return /[.eE]/.test(s) || !Number.isFinite(v) ? s : `${s}.0`;
}

const at = (n: { span: { line: number; column: number } }): string => `   @${n.span.line}:${n.span.column}`;

function printStmts(body: readonly Stmt[], indent: string, out: string[]): void {
  for (const s of body) printStmt(s, indent, out);
}

function printStmt(s: Stmt, ind: string, out: string[]): void {
  const inner = ind + '  ';
  switch (s.k) {
    case 'let':
      out.push(`${ind}${s.mutable ? 'var' : 'let'} ${s.name}: ${s.type}${s.init ? ' = ' + printExpr(s.init) : ''}${at(s)}`);
      return;
    case 'assign':
      out.push(`${ind}${s.name} = ${printExpr(s.value)}${at(s)}`);
      return;
    case 'store':
      out.push(`${ind}${s.array}[${printExpr(s.index)}] = ${printExpr(s.value)}${at(s)}`);
      return;
    case 'vload':
      out.push(`${ind}let ${s.names.join(', ')} = ${s.array}[${printExpr(s.index)}]x${s.names.length}${at(s)}`);
      return;
    case 'vstore':
      out.push(`${ind}${s.array}[${printExpr(s.index)}]x${s.values.length} = ${s.values.map(printExpr).join(', ')}${at(s)}`);
      return;
    case 'localArray':
      out.push(`${ind}local ${s.name}: ${s.elem}[${s.length}]${at(s)}`);
      return;
    case 'expr':
      out.push(`${ind}${printExpr(s.expr)}${at(s)}`);
      return;
    case 'if':
      out.push(`${ind}if ${printExpr(s.cond)} {${at(s)}`);
      printStmts(s.then, inner, out);
      if (s.else.length) {
        out.push(`${ind}} else {`);
        printStmts(s.else, inner, out);
      }
      out.push(`${ind}}`);
      return;
    case 'loop': {
      const cond = s.cond ? printExpr(s.cond) : 'true';
      out.push(`${ind}${s.testFirst ? `while ${cond}` : 'do'} {${at(s)}`);
      printStmts(s.body, inner, out);
      if (s.update.length) {
        out.push(`${ind}} continuing {`);
        printStmts(s.update, inner, out);
      }
      out.push(`${ind}}${s.testFirst ? '' : ` while ${cond}`}`);
      return;
    }
    case 'block':
      out.push(`${ind}{${at(s)}`);
      printStmts(s.body, inner, out);
      out.push(`${ind}}`);
      return;
    case 'break':
    case 'continue':
    case 'barrier':
    case 'fence':
      out.push(`${ind}${s.k}${at(s)}`);
      return;
    case 'return':
      out.push(`${ind}return${s.value ? ' ' + printExpr(s.value) : ''}${at(s)}`);
      return;
    case 'fault':
      out.push(`${ind}fault #${s.site} ${printExpr(s.index)} of ${printExpr(s.length)}${at(s)}`);
      return;
    case 'print':
      out.push(`${ind}print #${s.site}(${s.args.map(printExpr).join(', ')})${at(s)}`);
      return;
    case 'matrix':
      out.push(`${ind}${printMatrix(s)}${at(s)}`);
      return;
  }
}

/** `frag a: a row`, `c = fill 0`, `a = load row x[off, stride]`, `c = mma a b c`, `store row y[off, stride] = c`. */
function printMatrix(s: MatrixStmt): string {
  switch (s.op) {
    case 'frag':
      return `frag ${s.name}: ${s.frag.role}${s.frag.layout ? ` ${s.frag.layout}` : ''}`;
    case 'fill':
      return `${s.name} = fill ${printExpr(s.value)}`;
    case 'load':
      return `${s.name} = load ${s.layout} ${s.array}[${printExpr(s.offset)}, ${printExpr(s.stride)}]`;
    case 'mma':
      return `${s.name} = mma ${s.a} ${s.b} ${s.c}`;
    case 'store':
      return `store ${s.layout} ${s.array}[${printExpr(s.offset)}, ${printExpr(s.stride)}] = ${s.src}`;
  }
}

function printParam(p: Param): string {
  if (p.kind === 'scalar') return `${p.name}: ${p.type}`;
  return `${p.name}: ${p.access}${p.atomic ? ' atomic' : ''} ${p.elem}[]`;
}

function printHelper(h: HelperIR, out: string[]): void {
  const params = [...h.params.map(printParam), ...(h.arrays ?? []).map((a) => `${a.name}: ${a.elem}[]`)].join(', ');
  out.push(`fn ${h.name}(${params}): ${h.returnType ?? 'void'}${at(h)}`);
  printStmts(h.body, '  ', out);
}

export function printKernel(k: KernelIR): string {
  const out: string[] = [];
  for (const h of k.helpers) printHelper(h, out);
  out.push(`kernel ${k.name}(${k.params.map(printParam).join(', ')})${k.usesBarrier ? ' barrier' : ''}${k.debug ? ' debug' : ''}${at(k)}`);
  for (const s of k.shared) out.push(`  shared ${s.name}: ${s.atomic ? 'atomic ' : ''}${s.elem}[${s.size ? printExpr(s.size) : s.length}]${at(s)}`);
  printStmts(k.body, '  ', out);
  return out.join('\n') + '\n';
}

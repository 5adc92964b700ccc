// A generated program as KernelScript source. Every compound expression is parenthesized, so the
// printed precedence is never in doubt; literals print bare (adapting to their context) unless
// marked typed, then as a conversion.
import { IN_SLOTS, SHARED_LEN, type Expr, type Helper, type Program, type Scalar, type Stmt } from './program.js';

const CTOR = { i32: 'Int32Array', u32: 'Uint32Array', f32: 'Float32Array' } as const;

function num(v: number): string {
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}

function lit(t: Scalar, v: number | boolean, typed: boolean): string {
  if (typeof v === 'boolean') return String(v);
  if (t === 'f32' && !Number.isInteger(v)) return typed ? `f32(${v})` : num(v);
  return typed ? `${t}(${v})` : num(v);
}

export function printExpr(e: Expr): string {
  switch (e.k) {
    case 'lit':
      return lit(e.t, e.v, e.typed);
    case 'name':
      return e.name;
    case 'builtin':
      return `${e.name}.x`;
    case 'mathConst':
      return `Math.${e.name}`;
    case 'input':
      return `${e.arr}[b + ${e.slot}]`;
    case 'bin': {
      const b = printExpr(e.b);
      // `a < (r > (1))` parses as a generic call in TypeScript: a unary plus after '<' or '<<' avoids it.
      const rhs = (e.op === '<' || e.op === '<<') && b.startsWith('(') ? `+${b}` : b;
      return `(${printExpr(e.a)} ${e.op} ${rhs})`;
    }
    case 'un':
      return `(${e.op}(${printExpr(e.a)}))`;
    case 'conv':
      return `${e.t}(${printExpr(e.a)})`;
    case 'promote':
      return printExpr(e.a);
    case 'math':
      return `Math.${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'cond':
      return `(${printExpr(e.c)} ? ${printExpr(e.a)} : ${printExpr(e.b)})`;
    case 'call':
      return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'load':
      return `${e.arr}[${printExpr(e.idx)} & ${e.len - 1}]`;
    case 'sload':
      if (!e.idx) return `${e.arr}[threadIdx.x]`;
      return `${e.arr}[${printExpr(e.idx)} & ${e.mask === 'len' ? SHARED_LEN - 1 : e.idx.t === 'u32' ? '(u32(blockDim.x) - 1)' : '(blockDim.x - 1)'}]`;
  }
}

/** An atomic statement; a CAS loop is a block of its own (its temporaries named after `bind`). */
function printAtomic(s: Extract<Stmt, { k: 'atomic' }>, ind: string, xchg: Program['xchg']): string[] {
  const cell = s.idx ? `((${printExpr(s.idx)} & 3) * 4 + ${s.group})` : String(s.group);
  if (s.loop) {
    const [c, o, p, v] = ['i', 'o', 'p', 'v'].map((x) => `${s.bind}${x}`);
    const next = s.loop === 'add' ? `${o} + ${v}` : `Math.max(${o}, ${v})`;
    return [
      `${ind}{`,
      `${ind}  const ${c} = ${cell};`,
      `${ind}  const ${v}: ${s.elem} = ${printExpr(s.value as Expr)};`,
      `${ind}  let ${o} = ${s.arr}[${c}];`,
      `${ind}  for (;;) {`,
      `${ind}    const ${p} = atomicCAS(${s.arr}, ${c}, ${o}, ${next});`,
      `${ind}    if (${p} === ${o}) {`,
      `${ind}      break;`,
      `${ind}    }`,
      `${ind}    ${o} = ${p};`,
      `${ind}  }`,
      `${ind}}`,
    ];
  }
  const x = xchg[s.arr];
  const args = s.value ? [printExpr(s.value)] : x && 'exch' in x ? [num(x.exch)] : x ? [num(x.expected), num(x.value)] : [];
  const call = `${s.op}(${[s.arr, cell, ...args].join(', ')})`;
  return [`${ind}${s.bind ? `const ${s.bind} = ` : ''}${call};`];
}

type Ctx = Pick<Program, 'slots' | 'xchg'>;

function printStmts(ss: readonly Stmt[], ind: string, slots: Ctx): string[] {
  return ss.flatMap((s) => printStmt(s, ind, slots));
}

function printStmt(s: Stmt, ind: string, slots: Ctx): string[] {
  const inner = `${ind}  `;
  switch (s.k) {
    case 'let':
      return [`${ind}${s.mutable ? 'let' : 'const'} ${s.name}${s.annotate ? `: ${s.t}` : ''}${s.init ? ` = ${printExpr(s.init)}` : ''};`];
    case 'assign':
      return [`${ind}${s.name} ${s.op} ${printExpr(s.value)};`];
    case 'incr':
      return [`${ind}${s.prefix ? `${s.op}${s.name}` : `${s.name}${s.op}`};`];
    case 'larr':
      return [`${ind}const ${s.name} = localArray(${CTOR[s.elem]}, ${s.len});`];
    case 'store':
      return [`${ind}${s.arr}[${printExpr(s.idx)} & ${s.len - 1}] ${s.op} ${printExpr(s.value)};`];
    case 'out':
      return [`${ind}${s.arr}[gi * ${slots.slots[s.arr]} + ${s.slot}] = ${printExpr(s.value)};`];
    case 'if': {
      const out = [`${ind}if (${printExpr(s.c)}) {`, ...printStmts(s.then, inner, slots)];
      if (s.else) out.push(`${ind}} else {`, ...printStmts(s.else, inner, slots));
      out.push(`${ind}}`);
      return out;
    }
    case 'for': {
      const update = s.step === 1 ? `${s.v}++` : `${s.v} += ${s.step}`;
      return [
        `${ind}for (let ${s.v}${s.annotate ? `: ${s.t}` : ''} = ${s.from}; ${s.v} < ${printExpr(s.to)}; ${update}) {`,
        ...printStmts(s.body, inner, slots),
        `${ind}}`,
      ];
    }
    case 'while':
      if (s.doWhile) {
        return [
          `${ind}let ${s.v}: i32 = 0;`,
          `${ind}do {`,
          `${inner}${s.v}++;`,
          ...printStmts(s.body, inner, slots),
          `${ind}} while (${s.v} < ${s.trips}${s.c ? ` && ${printExpr(s.c)}` : ''});`,
        ];
      }
      return [`${ind}let ${s.v}: i32 = 0;`, `${ind}while (${s.v} < ${s.trips}) {`, `${inner}${s.v}++;`, ...printStmts(s.body, inner, slots), `${ind}}`];
    case 'break':
    case 'continue':
      return [`${ind}${s.k};`];
    case 'return':
      return [`${ind}return${s.value ? ` ${printExpr(s.value)}` : ''};`];
    case 'block':
      return [`${ind}{`, ...printStmts(s.body, inner, slots), `${ind}}`];
    case 'sarr':
      return [`${ind}const ${s.name} = sharedArray(${CTOR[s.elem]}, ${SHARED_LEN});`];
    case 'sstore':
      return [`${ind}${s.arr}[threadIdx.x] ${s.op} ${printExpr(s.value)};`];
    case 'sync':
      return [`${ind}syncthreads();`];
    case 'syncfor':
      return [`${ind}for (let ${s.v} = 0; ${s.v} < ${s.trips}; ${s.v}++) {`, ...printStmts(s.body, inner, slots), `${ind}}`];
    case 'atomic':
      return printAtomic(s, ind, slots.xchg);
  }
}

function printHelper(h: Helper): string[] {
  const params = h.params.map((p) => `${p.name}: ${p.t}`).join(', ');
  return [`function ${h.name}(${params}): ${h.ret} {`, ...printStmts(h.body, '  ', { slots: { OI: 0, OU: 0, OF: 0 }, xchg: {} }), '}', ''];
}

export const KERNEL_NAME = 'fuzz';

export function printProgram(p: Program): string {
  const loads = (arr: string, local: string): string =>
    Array.from({ length: IN_SLOTS }, (_, i) => `const ${local}${i} = ${arr}[b + ${i}];`).join(' ');
  return [
    'import {',
    '  kernel, localArray, sharedArray, syncthreads, blockIdx, blockDim, threadIdx, f32, i32, u32, bool,',
    '  atomicAdd, atomicSub, atomicMin, atomicMax, atomicExch, atomicCAS,',
    "} from 'kernelscript';",
    '',
    ...p.helpers.flatMap(printHelper),
    `export const ${KERNEL_NAME} = kernel(function ${KERNEL_NAME}(`,
    '  A: Int32Array, U: Uint32Array, F: Float32Array, OI: Int32Array, OU: Uint32Array, OF: Float32Array,',
    '  GI: Int32Array, GU: Uint32Array, n: i32, p: i32, q: u32, r: f32, flag: bool,',
    ') {',
    '  const gi = blockIdx.x * blockDim.x + threadIdx.x;',
    // With barriers every thread runs (n is a multiple of the block): a per-thread return would be KS5004.
    ...(p.sync ? [] : ['  if (gi >= n) {', '    return;', '  }']),
    `  const b = gi * ${IN_SLOTS};`,
    `  ${loads('A', 'a')}`,
    `  ${loads('U', 'u')}`,
    `  ${loads('F', 'f')}`,
    ...printStmts(p.body, '  ', p),
    '});',
    '',
  ].join('\n');
}

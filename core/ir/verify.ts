// Checks the IR's invariants. A failure is a compiler bug, never the user's: it throws
// InternalCompilerError naming the node and its source position.
import { InternalCompilerError } from '../diagnostics/diagnostic.js';
import type { ElemType, Expr, FragType, HelperIR, KernelIR, ScalarType, Span, Stmt } from './types.js';
import { ATOMICS, isMathFn, mathRecord, WARP, WARP_TYPES, type AtomicRecord } from './ops.js';
import { printExpr } from './print.js';
import { hasAtomic, hasCollective } from './walk.js';
import { sizeExprOf } from '../shared-size.js';
import { ELEMENTS, valueOf } from '../elements.js';
import { PRINT_COORDS, siteSpecs, type PrintSite } from '../printf.js';
import { FRAG_ELEM } from '../matrix.js';

interface ArrayInfo {
  elem: ElemType;
  space: 'global' | 'shared' | 'local';
  atomic: boolean;
}

interface Ctx {
  where: string;
  scalars: Map<string, ScalarType>;
  /** Local slots in scope (a stack of block scopes). */
  scopes: Map<string, { type: ScalarType; mutable: boolean }>[];
  /** Matrix fragments in scope, one map per entry of `scopes`. */
  frags: Map<string, FragType>[];
  arrays: Map<string, ArrayInfo>;
  helpers: Map<string, HelperIR>;
  loopDepth: number;
  /** Return type of the function being checked; undefined in a kernel. */
  returns: ScalarType | null | undefined;
  declared: Set<string>;
  /** A bounds-checked build: fault statements are allowed. */
  debug: boolean;
  /** The kernel's print formats (KernelIR.prints). */
  prints: readonly PrintSite[];
}

const INT = new Set<ScalarType>(['i32', 'u32']);

function fail(ctx: Ctx, span: Span | undefined, msg: string): never {
  const pos = span ? `${span.file}:${span.line}:${span.column}` : 'unknown position';
  throw new InternalCompilerError(`invalid IR in ${ctx.where} at ${pos}: ${msg}`);
}

function checkSpan(ctx: Ctx, node: { span?: Span }, what: string): void {
  const s = node.span;
  if (!s || typeof s.file !== 'string' || !(s.line >= 1) || !(s.column >= 1)) fail(ctx, s, `${what} has no source span`);
}

function lookupLocal(ctx: Ctx, name: string): { type: ScalarType; mutable: boolean } | undefined {
  for (let i = ctx.scopes.length - 1; i >= 0; i--) {
    const v = ctx.scopes[i]?.get(name);
    if (v) return v;
  }
  return undefined;
}

function expr(ctx: Ctx, e: Expr): ScalarType {
  checkSpan(ctx, e, `expression ${e.k}`);
  const bad: (m: string) => never = (m) => fail(ctx, e.span, `${m} in ${printExpr(e)}`);
  switch (e.k) {
    case 'const':
      if (typeof e.value === 'boolean' ? e.type !== 'bool' : e.type === 'bool') bad('constant of wrong kind');
      if (typeof e.value === 'number' && INT.has(e.type) && !Number.isInteger(e.value)) bad('non-integer int constant');
      if (e.type === 'i32' && typeof e.value === 'number' && (e.value < -(2 ** 31) || e.value >= 2 ** 31)) bad('i32 constant out of range');
      if (e.type === 'u32' && typeof e.value === 'number' && (e.value < 0 || e.value >= 2 ** 32)) bad('u32 constant out of range');
      return e.type;
    case 'param': {
      const t = ctx.scalars.get(e.name);
      if (t !== e.type) bad(`unknown scalar parameter '${e.name}' or wrong type`);
      return e.type;
    }
    case 'load': {
      const v = lookupLocal(ctx, e.name);
      if (!v) bad(`load of '${e.name}', which is not declared in scope`);
      if (v.type !== e.type) bad(`load of '${e.name}' typed ${e.type}, declared ${v.type}`);
      return e.type;
    }
    case 'builtin':
      if (e.type !== 'i32') bad('builtin not i32');
      // Helpers get launch builtins as parameters (frontend/builtin-params.ts): not every target can read them there.
      if (ctx.returns !== undefined) bad('builtin read in a helper');
      return e.type;
    case 'index': {
      const a = ctx.arrays.get(e.array);
      if (!a) bad(`unknown array '${e.array}'`);
      if (valueOf(a.elem) !== e.type) bad(`index of ${a.elem} array typed ${e.type}`);
      if (!INT.has(expr(ctx, e.index))) bad('index not i32/u32');
      return e.type;
    }
    case 'unary': {
      const t = expr(ctx, e.arg);
      if (t !== e.type) bad('unary result type differs from operand');
      if (e.op === 'not' && t !== 'bool') bad('! on non-bool');
      if (e.op === 'bitnot' && !INT.has(t)) bad('~ on non-integer');
      if (e.op === 'neg' && t === 'bool') bad('negation of bool');
      return e.type;
    }
    case 'binary': {
      const l = expr(ctx, e.lhs);
      const r = expr(ctx, e.rhs);
      const shift = e.op === '<<' || e.op === '>>' || e.op === '>>>';
      if (shift ? !INT.has(l) || !INT.has(r) : l !== r) bad(`operand types ${l} and ${r}`);
      const cmp = ['<', '<=', '>', '>=', '==', '!='].includes(e.op);
      const logic = e.op === '&&' || e.op === '||';
      if (logic && l !== 'bool') bad('logic op on non-bool');
      if (['&', '|', '^'].includes(e.op) && !INT.has(l)) bad('bitwise op on non-integer');
      if (['+', '-', '*', '/', '%'].includes(e.op) && l === 'bool') bad('arithmetic on bool');
      if (['<', '<=', '>', '>='].includes(e.op) && l === 'bool') bad('ordering comparison of bool');
      const want = cmp || logic ? 'bool' : l;
      if (e.type !== want) bad(`binary result typed ${e.type}, expected ${want}`);
      return e.type;
    }
    case 'select':
      if (expr(ctx, e.cond) !== 'bool') bad('select condition not bool');
      if (expr(ctx, e.then) !== e.type || expr(ctx, e.else) !== e.type) bad('select arms differ from its type');
      for (const arm of [e.then, e.else]) if (hasAtomic(arm)) bad('atomic in a select arm');
      for (const arm of [e.then, e.else]) if (hasCollective(arm)) bad('warp operation in a select arm');
      return e.type;
    case 'cast':
      expr(ctx, e.arg);
      return e.type;
    case 'math': {
      if (!isMathFn(e.fn)) bad(`unknown math function '${String(e.fn)}'`);
      const rec = mathRecord(e.fn);
      // Arguments share one type the record takes; the result has it too unless the record fixes it.
      const t = e.args[0] ? expr(ctx, e.args[0]) : e.type;
      for (const a of e.args.slice(1)) if (expr(ctx, a) !== t) bad(`math arguments of different types`);
      if (e.type !== (rec.result ?? t)) bad(`math ${e.fn} on ${t} typed ${e.type}`);
      // A 'fold' function (min/max) is lowered to a chain of two-argument calls.
      const arity = rec.arity === 'fold' ? 2 : rec.arity;
      if (e.args.length !== arity) bad(`math ${e.fn} with ${e.args.length} arguments`);
      if (!(rec.types as readonly string[]).includes(t)) bad(`math ${e.fn} on ${t}`);
      return e.type;
    }
    case 'call': {
      const h = ctx.helpers.get(e.fn);
      if (!h) bad(`call of unknown helper '${e.fn}'`);
      // Helpers taking arrays are inlined by the first pass (compiler/passes/inline.ts).
      if (e.arrays?.length) bad('call passing arrays after inlining');
      if (h.returnType !== e.type) bad(`call typed ${e.type}, helper returns ${h.returnType ?? 'void'}`);
      if (h.params.length !== e.args.length) bad('wrong argument count');
      e.args.forEach((a, i) => {
        if (expr(ctx, a) !== h.params[i]?.type) bad(`argument ${i} of wrong type`);
      });
      return e.type;
    }
    case 'atomic': {
      const a = ctx.arrays.get(e.array);
      if (!a) bad(`atomic on unknown array '${e.array}'`);
      if (!a.atomic) bad(`array '${e.array}' used atomically but not marked atomic`);
      if (a.space === 'local') bad('atomic on a local array');
      if (!ELEMENTS[a.elem].atomics) bad(`atomic on a ${a.elem} array`);
      if (valueOf(a.elem) !== e.type) bad('atomic type differs from element type');
      const rec: AtomicRecord = ATOMICS[e.op];
      if (!(rec.types as readonly string[]).includes(e.type)) bad(`atomic ${e.op} on ${e.type}`);
      if (!INT.has(expr(ctx, e.index))) bad('atomic index not integer');
      if (e.args.length !== rec.operands) bad('wrong atomic argument count');
      for (const x of e.args) if (expr(ctx, x) !== e.type) bad('atomic argument of wrong type');
      return e.type;
    }
    case 'warp': {
      const kind = WARP[e.op].kind;
      // Helpers using warp operations are inlined (compiler/passes/inline.ts).
      if (ctx.returns !== undefined) bad('warp operation in a helper');
      const types = e.args.map((a) => expr(ctx, a));
      const want = kind === 'value' ? 0 : kind === 'shuffle' ? 2 : 1;
      if (types.length !== want) bad(`warp ${e.op} with ${types.length} arguments`);
      if (kind === 'value' && e.type !== 'i32') bad(`warp ${e.op} typed ${e.type}`);
      if (kind === 'vote' && (types[0] !== 'bool' || e.type !== (e.op === 'ballot' ? 'u32' : 'bool'))) bad(`warp ${e.op} on ${types[0]}`);
      if (kind === 'shuffle' || kind === 'reduce') {
        if (types[0] !== e.type || !(WARP_TYPES as readonly string[]).includes(e.type)) bad(`warp ${e.op} on ${types[0]}`);
        if (kind === 'shuffle' && !INT.has(types[1] ?? 'bool')) bad(`warp ${e.op} lane operand not integer`);
      }
      return e.type;
    }
    case 'length':
      if (!ctx.arrays.has(e.array)) bad(`length of unknown array '${e.array}'`);
      if (e.type !== 'i32') bad('length not i32');
      return e.type;
  }
}

function block(ctx: Ctx, body: readonly Stmt[]): void {
  ctx.scopes.push(new Map());
  ctx.frags.push(new Map());
  for (const s of body) stmt(ctx, s);
  ctx.scopes.pop();
  ctx.frags.pop();
}

function lookupFrag(ctx: Ctx, name: string): FragType | undefined {
  for (let i = ctx.frags.length - 1; i >= 0; i--) {
    const f = ctx.frags[i]?.get(name);
    if (f) return f;
  }
  return undefined;
}

/** A warp-level matrix statement (core/matrix.ts): fragments declared before use, roles, arrays and operand types. */
function matrixStmt(ctx: Ctx, s: Extract<Stmt, { k: 'matrix' }>): void {
  const bad = (m: string): never => fail(ctx, s.span, `matrix ${s.op}: ${m}`);
  // Helpers cannot hold fragments (the front end refuses matrix calls there).
  if (ctx.returns !== undefined) bad('in a helper');
  const frag = (name: string, role?: FragType['role']): FragType => {
    const f = lookupFrag(ctx, name);
    if (!f) return bad(`fragment '${name}' is not declared in scope`);
    if (role && f.role !== role) return bad(`fragment '${name}' is ${f.role}, expected ${role}`);
    return f;
  };
  const memory = (array: string, elem: 'f16' | 'f32', offset: Expr, stride: Expr): void => {
    const a = ctx.arrays.get(array);
    if (!a) return bad(`unknown array '${array}'`);
    if (a.space === 'local') bad(`local array '${array}'`);
    if (a.elem !== elem) bad(`array '${array}' of ${a.elem}, expected ${elem}`);
    if (!INT.has(expr(ctx, offset)) || !INT.has(expr(ctx, stride))) bad('offset or stride not i32/u32');
  };
  switch (s.op) {
    case 'frag':
      if (ctx.declared.has(s.name) || ctx.scalars.has(s.name) || ctx.arrays.has(s.name)) bad(`'${s.name}' declared twice`);
      if ((s.frag.role === 'acc') !== (s.frag.layout === null)) bad(`fragment '${s.name}' of role ${s.frag.role} with layout ${s.frag.layout ?? 'none'}`);
      ctx.declared.add(s.name);
      ctx.frags[ctx.frags.length - 1]?.set(s.name, s.frag);
      return;
    case 'fill':
      frag(s.name, 'acc');
      if (expr(ctx, s.value) !== 'f32') bad('value not f32');
      return;
    case 'load': {
      const f = frag(s.name);
      if (f.layout !== null && f.layout !== s.layout) bad(`fragment '${s.name}' is ${f.layout}-major, loaded ${s.layout}-major`);
      memory(s.array, FRAG_ELEM[f.role], s.offset, s.stride);
      return;
    }
    case 'mma':
      frag(s.name, 'acc');
      frag(s.a, 'a');
      frag(s.b, 'b');
      frag(s.c, 'acc');
      return;
    case 'store':
      frag(s.src, 'acc');
      memory(s.array, FRAG_ELEM.acc, s.offset, s.stride);
      return;
  }
}

function stmt(ctx: Ctx, s: Stmt): void {
  checkSpan(ctx, s, `statement ${s.k}`);
  switch (s.k) {
    case 'let': {
      if (ctx.declared.has(s.name) || ctx.scalars.has(s.name) || ctx.arrays.has(s.name)) {
        fail(ctx, s.span, `'${s.name}' declared twice`);
      }
      if (s.init && expr(ctx, s.init) !== s.type) fail(ctx, s.span, `let ${s.name}: ${s.type} initialised with another type`);
      if (!s.mutable && !s.init) fail(ctx, s.span, `immutable '${s.name}' without initialiser`);
      ctx.declared.add(s.name);
      ctx.scopes[ctx.scopes.length - 1]?.set(s.name, { type: s.type, mutable: s.mutable });
      return;
    }
    case 'assign': {
      const v = lookupLocal(ctx, s.name);
      if (!v) fail(ctx, s.span, `assignment to undeclared '${s.name}'`);
      if (!v.mutable) fail(ctx, s.span, `assignment to immutable '${s.name}'`);
      if (expr(ctx, s.value) !== v.type) fail(ctx, s.span, `assignment of wrong type to '${s.name}'`);
      return;
    }
    case 'store': {
      const a = ctx.arrays.get(s.array);
      if (!a) fail(ctx, s.span, `store to unknown array '${s.array}'`);
      if (!INT.has(expr(ctx, s.index))) fail(ctx, s.span, 'store index not integer');
      if (expr(ctx, s.value) !== valueOf(a.elem)) fail(ctx, s.span, `store of wrong type to '${s.array}'`);
      return;
    }
    case 'matrix':
      matrixStmt(ctx, s);
      return;
    case 'vload': {
      const a = vectorArray(ctx, s, s.names.length);
      for (const n of s.names) {
        if (ctx.declared.has(n) || ctx.scalars.has(n) || ctx.arrays.has(n)) fail(ctx, s.span, `'${n}' declared twice`);
        ctx.declared.add(n);
        ctx.scopes[ctx.scopes.length - 1]?.set(n, { type: valueOf(a.elem), mutable: false });
      }
      return;
    }
    case 'vstore': {
      const a = vectorArray(ctx, s, s.values.length);
      for (const v of s.values) if (expr(ctx, v) !== valueOf(a.elem)) fail(ctx, s.span, `vector store of wrong type to '${s.array}'`);
      return;
    }
    case 'localArray':
      if (ctx.arrays.has(s.name) || ctx.declared.has(s.name)) fail(ctx, s.span, `'${s.name}' declared twice`);
      if (!(Number.isInteger(s.length) && s.length > 0)) fail(ctx, s.span, 'bad local array length');
      ctx.declared.add(s.name);
      ctx.arrays.set(s.name, { elem: s.elem, space: 'local', atomic: false });
      return;
    case 'expr':
      if (s.expr.k !== 'atomic' && s.expr.k !== 'call') fail(ctx, s.span, 'expression statement without effect');
      expr(ctx, s.expr);
      return;
    case 'if':
      if (expr(ctx, s.cond) !== 'bool') fail(ctx, s.span, 'if condition not bool');
      block(ctx, s.then);
      block(ctx, s.else);
      return;
    case 'loop':
      if (s.cond && expr(ctx, s.cond) !== 'bool') fail(ctx, s.span, 'loop condition not bool');
      ctx.loopDepth++;
      // The update sees the body's scope in no target, so it is checked as its own block.
      block(ctx, s.body);
      block(ctx, s.update);
      ctx.loopDepth--;
      return;
    case 'block':
      block(ctx, s.body);
      return;
    case 'break':
    case 'continue':
      if (ctx.loopDepth === 0) fail(ctx, s.span, `${s.k} outside a loop`);
      return;
    case 'return':
      if (ctx.returns === undefined || ctx.returns === null) {
        if (s.value) fail(ctx, s.span, 'return with a value in a kernel or void helper');
      } else if (!s.value || expr(ctx, s.value) !== ctx.returns) {
        fail(ctx, s.span, `return without a ${ctx.returns} value`);
      }
      return;
    case 'barrier':
      if (ctx.returns !== undefined) fail(ctx, s.span, 'barrier in a helper');
      return;
    case 'fence':
      return;
    case 'fault':
      if (ctx.returns !== undefined) fail(ctx, s.span, 'fault in a helper');
      if (!ctx.debug) fail(ctx, s.span, 'fault in a kernel that is not a debug build');
      if (!(Number.isInteger(s.site) && s.site >= 0)) fail(ctx, s.span, 'bad fault site');
      if (expr(ctx, s.index) !== 'u32' || expr(ctx, s.length) !== 'u32') fail(ctx, s.span, 'fault index or length not u32');
      return;
    case 'print': {
      const site = ctx.prints[s.site];
      if (!site) fail(ctx, s.span, `print of unknown site ${s.site}`);
      const specs = siteSpecs(site);
      if (s.args.length !== PRINT_COORDS + specs.length) fail(ctx, s.span, `print #${s.site} with ${s.args.length} arguments for ${specs.length} values`);
      s.args.forEach((a, i) => {
        const t = expr(ctx, a);
        if (hasAtomic(a)) fail(ctx, s.span, 'atomic in a print argument');
        if (t !== (i < PRINT_COORDS ? 'i32' : specs[i - PRINT_COORDS]?.type)) fail(ctx, s.span, `print #${s.site} argument ${i} of type ${t}`);
      });
      return;
    }
  }
}

/** The array of a vector access (local only through an inlined helper), width 2 or 4, an integer index. */
function vectorArray(ctx: Ctx, s: Extract<Stmt, { k: 'vload' | 'vstore' }>, width: number): ArrayInfo {
  const a = ctx.arrays.get(s.array);
  if (!a) fail(ctx, s.span, `vector access to unknown array '${s.array}'`);
  if (width !== 2 && width !== 4) fail(ctx, s.span, `vector access of width ${width}`);
  if (!INT.has(expr(ctx, s.index))) fail(ctx, s.span, 'vector index not integer');
  return a;
}

export function verifyKernel(k: KernelIR): void {
  const helpers = new Map<string, HelperIR>();
  for (const h of k.helpers) {
    const ctx: Ctx = {
      where: `helper ${h.name}`,
      scalars: new Map(h.params.map((p) => [p.name, p.type])),
      scopes: [],
      frags: [],
      arrays: new Map(),
      helpers,
      loopDepth: 0,
      returns: h.returnType,
      declared: new Set(),
      debug: false,
      prints: k.prints ?? [],
    };
    checkSpan(ctx, h, 'helper');
    if (helpers.has(h.name)) fail(ctx, h.span, `helper '${h.name}' defined twice`);
    if (h.arrays?.length) fail(ctx, h.span, `helper '${h.name}' takes arrays but was not inlined`);
    block(ctx, h.body);
    // Helpers only call helpers listed before them, which rules out recursion.
    helpers.set(h.name, h);
  }
  const ctx: Ctx = {
    where: `kernel ${k.name}`,
    scalars: new Map(),
    scopes: [],
    frags: [],
    arrays: new Map(),
    helpers,
    loopDepth: 0,
    returns: undefined,
    declared: new Set(),
    debug: k.debug === true,
    prints: k.prints ?? [],
  };
  checkSpan(ctx, k, 'kernel');
  for (const p of k.params) {
    checkSpan(ctx, p, `parameter ${p.name}`);
    if (ctx.scalars.has(p.name) || ctx.arrays.has(p.name)) fail(ctx, p.span, `parameter '${p.name}' twice`);
    if (p.kind === 'scalar') ctx.scalars.set(p.name, p.type);
    else ctx.arrays.set(p.name, { elem: p.elem, space: 'global', atomic: p.atomic });
  }
  for (const s of k.shared) {
    checkSpan(ctx, s, `shared ${s.name}`);
    if (ctx.arrays.has(s.name) || ctx.scalars.has(s.name)) fail(ctx, s.span, `shared '${s.name}' clashes`);
    if (s.size) {
      // Block-sized: no constant length, and a count the launch can evaluate (core/shared-size.ts).
      if (s.length !== 0) fail(ctx, s.span, 'block-sized shared array with a constant length');
      if (!sizeExprOf(s.size).ok) fail(ctx, s.span, `bad shared array size ${printExpr(s.size)}`);
    } else if (!(Number.isInteger(s.length) && s.length > 0)) fail(ctx, s.span, 'bad shared array length');
    ctx.arrays.set(s.name, { elem: s.elem, space: 'shared', atomic: s.atomic });
  }
  block(ctx, k.body);
  let barrier = false;
  const find = (b: readonly Stmt[]): void => {
    for (const s of b) {
      if (s.k === 'barrier') barrier = true;
      if (s.k === 'if') {
        find(s.then);
        find(s.else);
      }
      if (s.k === 'loop') {
        find(s.body);
        find(s.update);
      }
      if (s.k === 'block') find(s.body);
    }
  };
  find(k.body);
  if (barrier !== k.usesBarrier) fail(ctx, k.span, 'usesBarrier does not match the body');
}

// The odd values mutants are made of: names that some target language, runtime or the TypeScript
// grammar treats specially, and numeric literals at the edges of what each type can hold. Written
// out here rather than taken from the compiler's own reserved-word tables, so that a name those
// tables miss is still tried.

/** Names a kernel's own locals, parameters or helpers might get. */
export const ODD_NAMES: readonly string[] = [
  // JS / TS oddities that are still valid identifiers
  '$', '$x', '_', '__', '_0', 'x$', '$$', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity', 'constructor',
  '__proto__', 'toString', 'hasOwnProperty', 'of', 'type', 'as', 'get', 'set', 'async', 'await', 'yield', 'let', 'static',
  'Math', 'kernel', 'f32', 'i32', 'u32', 'bool', 'boolean', 'number', 'threadIdx', 'blockDim', 'syncthreads', 'localArray',
  // WGSL keywords, reserved words and predeclared names
  'fn', 'var', 'loop', 'override', 'alias', 'struct', 'discard', 'continuing', 'enable', 'requires', 'diagnostic',
  'const_assert', 'uniform', 'storage', 'workgroup', 'private', 'function', 'read', 'write', 'read_write', 'array', 'ptr',
  'vec2', 'vec3', 'vec4', 'mat2x2', 'f16', 'atomic', 'sampler', 'texture_2d', 'bitcast', 'select', 'min', 'max', 'abs',
  'floor', 'trunc', 'round', 'sign', 'pow', 'clamp', 'arrayLength', 'workgroupBarrier', 'NULL', 'Self', 'self', 'auto',
  'cast', 'common', 'demote', 'filter', 'handle', 'layout', 'match', 'meta', 'mod', 'module', 'move', 'mut', 'nil',
  'precise', 'ref', 'shared', 'target', 'unsafe', 'use', 'wgsl', 'where', 'writeonly', 'varying', 'highp', 'sizeof',
  // CUDA C / C++ keywords, macros and device functions
  '__global__', '__device__', '__shared__', '__syncthreads', '__restrict__', 'int', 'float', 'double', 'unsigned', 'signed',
  'char', 'short', 'long', 'register', 'volatile', 'template', 'typename', 'namespace', 'operator', 'goto', 'union',
  'and', 'or', 'not', 'xor', 'bitand', 'compl', 'INT_MAX', 'INT_MIN', 'UINT_MAX', 'FLT_MAX', 'NAN', 'INFINITY', 'isnan',
  'isinf', 'fabsf', 'fminf', 'fmaxf', 'sqrtf', 'expf', 'powf', 'signbit', 'uint', 'uint32_t', 'int32_t', 'size_t',
  'nullptr', 'printf', 'malloc', 'warpSize', 'atomicAdd', 'assert', 'main', 'std',
  // names the generated code uses for itself
  'ks_params', 'ks_grid', 'ks_block_x', 'ks_wid', 'ks_nwg', 'ks_linear', 'gi', 'tid', 'i_1', 'x_1',
  // non-ASCII
  'π', 'ñame', 'Δt', 'ℵ0', '日本', 'x\u0301', 'x\u200d', 'ǅ', 'Ⅻ', '\u{1d4b3}',
];

/** Reserved words of TypeScript itself: as names they break the syntax. */
export const TS_KEYWORDS: readonly string[] = [
  'if', 'else', 'for', 'while', 'do', 'return', 'break', 'continue', 'switch', 'case', 'default', 'try', 'catch', 'finally',
  'throw', 'const', 'var', 'new', 'this', 'super', 'class', 'function', 'typeof', 'void', 'delete', 'in', 'instanceof',
  'null', 'true', 'false', 'enum', 'export', 'import', 'extends', 'with', 'debugger',
];

/** Numeric literals at the edges of i32, u32, f32 and of JavaScript's own number syntax. */
export const EDGE_LITERALS: readonly string[] = [
  '0', '-0', '1', '-1', '2', '3', '7', '31', '32', '33', '-32', '255', '256', '1024', '65535', '65536', '16777217',
  '2147483647', '-2147483647', '2147483648', '-2147483648', '-2147483649', '4294967295', '4294967296', '-4294967295',
  '9007199254740993', '1e9', '1e10', '0x7fffffff', '0x80000000', '0xffffffff', '0b101', '0o17', '1_000', '.5', '5.',
  '1e39', '-1e39', '1e-39', '1e-46', '3.4028235e38', '3.4028236e38', '1.7976931348623157e308', '5e-324', '0.1', '1.0',
  '-0.0', '1e-7', 'Infinity', '-Infinity', 'NaN', 'Math.PI', '1n', '017',
];

/** Statements outside the language (each must be a coded, located diagnostic). */
export const FOREIGN_STATEMENTS: readonly string[] = [
  'switch (1) { case 1: break; }', 'try { } catch { }', 'try { } finally { }', 'throw 1;', 'for (const q of [1]) { }',
  'for (const q in {}) { }', 'lbl: for (;;) { break lbl; }', 'var q = 1;', 'class Q { }', 'function q(): void { }',
  'debugger;', 'const { q } = { q: 1 };', 'const [q] = [1];', 'async function q(): Promise<void> { }', 'function* q() { }',
  'const q = () => 1;', 'label: { }', 'let q: number = 1;', 'const q: any = 1;', 'enum Q { A }', 'type Q = number;',
  'interface Q { }', 'namespace Q { }', 'declare const q: number;', 'console.log("x");', 'const q = new Float32Array(4);',
  'if (1) ;', 'const q = 1, w = q;', 'let q;', 'using q = null;',
];

/** Expressions outside the language, or at its edge. */
export const FOREIGN_EXPRESSIONS: readonly string[] = [
  '"s"', '`t${1}`', '({ a: 1 }).a', '[1, 2][0]', '(() => 1)()', 'new Float32Array(1)[0]', 'typeof 1', '(1 ?? 2)', '(1, 2)',
  '(1 as number)', '(1 satisfies number)', '<number>1', 'void 0', 'null', 'undefined', 'NaN', 'this', '/x/', '1n', 'Math.random()',
  'Date.now()', '[...[1]][0]', 'Math.hypot(1, 2)', 'Math.imul(3, 5)', 'Math.trunc(1.5)', 'Math.LN2', 'Number.MAX_VALUE',
  'parseInt("1")', '(1)!', 'x?.y', '(1 in {})', '({} instanceof Object)', '(delete ({} as any).a)', 'super.x', 'import.meta',
  'globalThis', 'arguments[0]', 'f32', 'Math', 'kernel', 'Math.abs', 'f32(1, 2)', 'Math.min()', 'Math.max(1)', 'i32()',
];

/** Local array lengths at the edges of what a GPU holds. */
export const EDGE_SIZES: readonly string[] = ['0', '-1', '1', '3', '17', '4096', '65536', '1e6', '16777216', '1e9', '4294967296', '2.5'];

/** The scalar and array type names a kernel can annotate with, and some it cannot. */
export const TYPE_NAMES: readonly string[] = [
  'f32', 'i32', 'u32', 'bool', 'boolean', 'number', 'any', 'Float32Array', 'Int32Array', 'Uint32Array', 'Float64Array',
  'Uint8Array', 'f16', 'string', 'unknown', 'never',
];

/** Operator tokens, grouped so that a swap sometimes stays in its group. */
export const OPERATOR_GROUPS: readonly (readonly string[])[] = [
  ['+', '-', '*', '/', '%', '**'],
  ['&', '|', '^', '<<', '>>', '>>>'],
  ['<', '<=', '>', '>=', '==', '===', '!=', '!=='],
  ['&&', '||', '??'],
  ['=', '+=', '-=', '*=', '/=', '%=', '**=', '&=', '|=', '^=', '<<=', '>>=', '>>>=', '&&=', '||=', '??='],
  ['++', '--', '!', '~'],
];

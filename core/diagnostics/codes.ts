// Every diagnostic the compiler can report: one table of codes and message templates ({0}, {1}…
// are filled in order). Codes are grouped by area so that a code tells where to look:
//   KS1xxx kernels and parameters   KS2xxx types and conversions   KS3xxx unsupported constructs
//   KS4xxx memory and atomics       KS5xxx barriers                KS6xxx helpers and modules
//   KS7xxx the source as TypeScript (syntax and declaration errors) and the compiler's nesting limits
//   KS8xxx sizes and nesting one target cannot compile
//   KS9xxx resource use near or over a backend's usual limits (warnings, from `check --target`)

export const CODES = {
  // Kernels and parameters
  KS1001: 'kernel(...) expects a function: a function expression or the name of a function declared in this file',
  KS1002: "parameter '{0}' has no type annotation; annotate it as f32, i32, u32, bool or a typed array (Float32Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Uint16Array, Int16Array, Float16Array or Float64Array)",
  KS1003: "parameter '{0}' has type '{1}', which a kernel cannot take; {2}",
  KS1004: 'a kernel returns nothing: {0}',
  KS1005: "parameter '{0}' is {1}; kernel and helper parameters must be plain annotated names",
  KS1006: "no kernel named '{0}' in {1}; its kernels are: {2}",
  KS1007: '{0} defines several kernels ({1}); say which one to compile',
  KS1008: 'no kernel(...) definitions found in {0}',
  KS1009: 'a kernel function cannot be {0}',
  KS1010: "kernel name '{0}' is defined twice in this file",
  KS1011: 'could not find the kernel defined at {0} in its source file',
  KS1012: "kernel '{0}' has no recorded source location, so it cannot be compiled for {1} from its source; compile it ahead of time (kernelscript build or the esbuild plugin)",
  KS1013: 'cannot read the source of the kernel defined here: {0}',
  // Specialization (k.specialize({ NAME: value }))
  KS1020: "'{0}' is not a numeric module-level constant of {1}, so {2} cannot set it; the file's numeric constants are: {3}",
  KS1021: "'{0}' is imported from '{1}': {2} can set only constants declared in the kernel's own file, {3}",
  KS1022: "the value of '{0}' in {1} must be a finite number, got {2}",
  KS1023: "'{0}' is an integer constant ({1}), so {2} must give it an integer, not {3}",
  // Types and conversions
  KS2001: "operator '{0}' mixes i32 and u32 operands; convert one side explicitly with i32(...) or u32(...)",
  KS2002: 'the literal {0} is out of range for {1}',
  KS2003: 'cannot use a value of type {0} where {1} is expected{2}',
  KS2004: "operator '{0}' needs integer operands, but got {1}",
  KS2005: "operator '{0}' cannot take bool operands; convert with i32(...) or f32(...) first",
  KS2006: 'an array index must be i32 or u32, but this is {0}',
  KS2007: "type '{0}' is not a kernel scalar type; use f32, f16, f64, i32, u32 or bool",
  KS2008: "variable '{0}' needs a type annotation or an initializer",
  KS2009: "'{0}' takes {1} argument(s), but got {2}",
  KS2010: "'{0}' cannot take a {1} argument",
  KS2011: "cannot assign to '{0}': {1}",
  KS2013: "the literal '{0}' is not a number a kernel can represent",
  // f16 and f64
  KS2020: 'a {0} value does not fit {1} exactly, so it is not converted implicitly where {1} is expected; convert explicitly with {1}(...)',
  // Vectors
  KS2040: "'{0}' has no component '{1}': a {2} has {3}",
  KS2041: "'{0}' is a {1}, a vector, where a scalar is expected; read a component (.x) or use dot(...)",
  KS2042: "'{0}' needs vectors of one type, but got {1} and {2}; convert the components explicitly",
  KS2043: "argument {0} of '{1}' must be a vector, but this is a {2}; write {3}(x) to make one",
  KS2044: "'{0}' here would run at the start of the statement, not where it is written (inside a loop condition, the right side of &&, || or ?:, or after an atomic or a helper call that may change what it reads); read it into a const first",
  KS2045: "{0} cannot be a vector ({1}); {2}",
  KS2046: "vector variable '{0}' needs an initializer, as in `let {0} = {1}(0)`",
  KS2047: "'{0}' takes 1 value (a splat) or {1} values, but got {2}",
  KS2048: "'{0}' is a {1}, and vectors take only the operations vadd, vsub, vmul, vdiv, vfma, vscale and dot, components and assignment",
  KS2049: "'{0}' writes an array and has no value; call it as a statement",
  // Builtins
  KS2060: "'{0}' takes {1}, but this is {2}; {3}",
  // Warp-level matrices (tensor cores)
  KS2070: "'{0}' is a matrix fragment, which only the matrix functions take; it cannot be {1}",
  KS2071: "matrix fragment '{0}' needs an initializer: a call of matrixLoadA, matrixLoadB, matrixLoadAcc, matrixFill or matrixMma",
  KS2072: "the layout argument of '{0}' must be the string literal 'row' or 'col', but this is {1}",
  KS2073: "the {0} of '{1}' must be a {2} (a kernel parameter or a shared array), but {3}",
  KS2074: "argument {0} of '{1}' must be {2}, but {3}",
  KS2075: "'{0}' is loaded {1}-major where it is declared, and a fragment keeps its layout, so it cannot be loaded {2}-major; declare another fragment",
  KS2076: "'{0}' cannot be called in a helper function: fragments live in the kernel body, so call it there",
  KS2077: "'{0}' makes a matrix fragment, so it can only initialize a variable (`const f = {0}(...)`) or be assigned to one",
  KS2078: "cannot assign {0} to '{1}', which is {2}",
  KS2079: "the {0} of '{1}' must be the same in every lane of a warp, but it can differ between the lanes of a warp",
  // Unsupported constructs
  KS3001: '{0} is not supported in kernels',
  KS3002: "'{0}' is not defined here",
  KS3003: "'{0}' is a module-level value that is not a compile-time numeric constant; kernels can only read module-level `const` numbers (pass runtime values as parameters)",
  KS3004: "'{0}' is not something a kernel can call; kernels call helper functions, Math functions, f32/i32/u32/bool, atomics and syncthreads()",
  KS3005: 'an assignment cannot be used as a value; write it as its own statement',
  KS3006: "'{0}' cannot be used inside a larger expression; write it as its own statement",
  KS3007: "'{0}' type assertions are not supported; convert with f32(...), i32(...), u32(...) or bool(...)",
  KS3008: "array '{0}' cannot be copied, aliased or passed around; index it directly",
  KS3009: "'{0}' is an array; only its elements ('{0}[i]') can be used as values",
  KS3010: "'var' declarations are not supported; use 'let' or 'const'",
  KS3011: 'destructuring is not supported; declare one variable per name',
  KS3012: 'labeled statements are not supported',
  KS3013: "Math.{0} is not supported; kernels have Math.{1}",
  KS3014: "'{0}' has no property '{1}'{2}",
  KS3015: "'{0}' is not a statement a kernel can run; only assignments, ++/--, and calls can stand alone",
  KS3016: "'{0}' is not a loop label kernels support; 'break' and 'continue' must be unlabeled and inside a loop",
  // Warps (subgroups)
  KS3020: "'{0}' is a warp operation, which all lanes of a warp run together, so it cannot be {1}; compute it into a const first",
  KS3021: "'{0}' takes an i32, u32, f32 or f16 value, but this is {1}",
  KS3022: "the {0} of '{1}' must be an i32 or u32, but this is {2}",
  // console.log in kernels
  KS3030: 'console.log cannot print a string made at run time: {0}',
  KS3031: "'{0}' in the console.log format: {1}; kernels print %d %i %u %x %X %f %e %g and %s (flags - + space 0, a width, and a precision for %f %e %g), and %% for a percent sign",
  KS3032: 'the console.log format has {0} conversion(s), but {1} value(s) follow it',
  KS3033: "'{0}' prints {1}, but this value is {2}; {3}",
  KS3034: "console.log prints scalars, but '{0}' is {1}; print its {2}",
  KS3035: 'console.{0} is not supported in kernels; use console.log',
  KS3036: 'console.log(...) has no value; call it as a statement',
  KS3037: 'console.log prints at most {0} values in one call, but this one has {1}',
  // Memory and atomics
  KS4001: "'{0}' on a Float32Array is not supported; only atomicAdd works on Float32Array",
  KS4002: "the first argument of '{0}' must be a 32-bit array (Int32Array, Uint32Array or Float32Array): a parameter or shared array",
  KS4003: 'atomics cannot appear in the arms of ?: (both arms are evaluated); use if/else',
  KS4004: 'the index of a compound assignment cannot contain an atomic (it would run twice); store the index in a const first',
  KS4005: "atomics on the per-thread array '{0}' are not supported; use a shared array or a parameter",
  KS4006: "'{0}' can only initialize a 'const' declaration, as in `const tile = {0}(Float32Array, 256)`",
  KS4007: "the length of '{0}' must be a positive integer compile-time constant, got {1}",
  KS4008: "the element type of '{0}' must be Float32Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Uint16Array, Int16Array, Float16Array or Float64Array",
  KS4009: "'{0}' must be an array to be indexed",
  KS4010: "the index {0} is out of bounds of '{1}': {2}",
  KS4020: "'{0}' on '{1}', a {2}, is not supported: atomics work on 32-bit elements only (Int32Array, Uint32Array, Float32Array)",
  KS4030: "'{0}' reads or writes a global or shared array, not the per-thread array '{1}'",
  KS4031: "'{0}' cannot take '{1}', a {2}: vector accesses take Float32Array, Int32Array and Uint32Array (and Float16Array with load4/store4)",
  KS4032: "'{0}' to '{1}', a {2}, needs a {3}, but this is a {4}",
  KS4033: 'the vector index {0} is out of bounds of \'{1}\': elements [{2}, {3}) lie beyond its {4} elements',
  KS4040: "a sharedArray length may contain only integer literals, module constants and blockDim.x/.y/.z, combined with + - * / % << >> and Math.min/Math.max; {0}",
  KS4050: "'{0}' has no value; call it as a statement",
  KS4060: "the {0} of '{1}' must be {2}, but it is {3}",
  KS4061: "'{0}' at offset {1} with stride {2} reaches element {3}, but '{4}' has {5} elements",
  // Matrix operations at launch (a LaunchError: the device cannot run them)
  KS4065: "kernel '{0}' uses matrix operations, which {1} cannot run: {2}; run it on the cpu backend (which emulates them) or on a device with tensor cores",
  // Barriers
  KS5001: 'syncthreads() must be reached by all threads of the block, but here it is under {0} (line {1}), which can differ between threads',
  KS5002: 'syncthreads() can only be called in a kernel body, not in a helper function',
  KS5003: 'syncthreads() has no value; call it as a statement',
  KS5004: 'syncthreads() must be reached by all threads of the block, but some threads may have left {0} earlier (line {1}) under a condition that can differ between threads',
  KS5010: "'{0}' must be reached by all lanes of a warp together, but here it is under {1} (line {2}), which can differ between the lanes of a warp",
  KS5011: "'{0}' must be reached by all lanes of a warp together, but some lanes may have left {1} earlier (line {2}) under a condition that can differ between the lanes of a warp",
  // Helpers and modules
  KS6001: "helper '{0}' calls itself (recursion: {1}); kernels and helpers cannot be recursive",
  KS6002: "parameter '{0}' of helper '{1}' has type '{2}', which a helper cannot take; helpers take scalars (f32, i32, u32, bool) and typed arrays",
  KS6003: "helper '{0}' needs a return type annotation (f32, i32, u32, bool or void)",
  KS6004: "helper '{0}' can reach its end without returning a {1}",
  KS6005: "helper '{0}' must return a value of type {1}",
  KS6006: "cannot read module '{0}' imported here: {1}",
  KS6007: "'{0}' is not exported as a function or constant by '{1}'",
  KS6008: "helper '{0}' returns nothing, so it has no value",
  KS6010: "helper '{0}' returns void, so its 'return' takes no value",
  KS6011: "parameter '{0}' of helper '{1}' is a {2}: pass an array of that type by its name, not '{3}'",
  KS6012: "'{0}' is an array, but parameter '{1}' of helper '{2}' takes a {3} value; pass an element such as '{0}[i]'",
  KS6013: "parameter '{0}' of helper '{1}' is a {2}, but '{3}' is a {4}; the element types must match exactly",
  KS6014: "helper '{0}' cannot be passed the per-thread array '{1}' for its parameter '{2}': it uses it {3}; pass a shared array or a kernel parameter",
  KS6015: "parameter '{0}' of helper '{1}' takes a {2}, but got {3}",
  // The source as TypeScript, and limits
  KS7001: 'syntax error: {0} (TS{1})',
  KS7002: '{0} (TS{1})',
  KS7003: '{0} is nested too deeply: {1}; split it up with local variables or helper functions',
  // What one target cannot compile ({0} names the target)
  KS8001: "{0}: local array '{1}' of {2} elements exceeds the target's limit of {3} elements ({4})",
  KS8002: "{0}: the local arrays of this kernel take {1} bytes per thread, beyond the target's limit of {2} bytes",
  KS8003: "{0}: shared arrays of {1} bytes per block in all exceed the target's limit of {2} bytes",
  KS8004: "{0}: statements nest {1} levels deep here, beyond the target's limit of {2}; flatten the innermost ifs and loops (combine conditions with &&, continue or return early)",
  KS8005: "{0}: this expression nests {1} levels deep, beyond the target's limit of {2}; store parts of it in consts",
  KS8020: "{0}: the array '{1}' is used both atomically and with vector accesses, which WGSL cannot express (a buffer has one element type); use one or the other",
  KS8021: "{0}: this index contains an atomic and addresses '{1}', which vector accesses make a vector array in WGSL; store the index in a const first",
  KS8015: '{0}: f64 is not supported by WGSL; use f32, or run this kernel on cuda or cpu',
  KS8035: '{0}: threadfence() has no WGSL equivalent: WGSL orders storage memory only among the threads of one workgroup (storageBarrier), never across the whole device; use atomics to publish results, or run this kernel on cuda or cpu',
  KS8040: "{0}: the array '{1}' is used both atomically and by matrix loads or stores, which WGSL cannot express (an atomic array holds atomic<u32> words, and subgroup matrices load arrays of f16 or f32); use one or the other",
  KS8041: "{0}: matrix loads and stores need a 32-byte aligned array, but the block-sized shared array '{1}' follows another block-sized one, which aligns it to 16 bytes only; declare it first, or give it a constant length",
  // Resource use against one backend's usual limits ({0} names the backend); warnings only
  KS9001: '{0}: {1} bytes per block in shared arrays, {2}% of the {3} bytes {4}',
  KS9002: '{0}: {1} bytes per thread in {2}, {3}% of the {4} bytes {5}',
  KS9003: '{0}: {1} array parameters need {1} storage buffers, more than the {2} per shader stage that WebGPU guarantees (maxStorageBuffersPerShaderStage); adapters that give only the default cannot run this kernel',
  KS9004: '{0}: {1} bytes of parameters, {2}% of the {3} bytes a launch can pass',
  KS9005: '{0}: ptxas ({1}) gives this kernel {2} registers per thread, {3}% of the {4} a thread can have',
  KS9006: '{0}: ptxas ({1}) spills registers to local memory: {2} bytes stored and {3} bytes loaded per thread',
  KS9007: '{0}: {1} registers per thread ({2}) leave room for at most {3} threads per block in the {4} registers of an SM; launches with more threads per block fail',
} as const;

export type Code = keyof typeof CODES;

/** KS9xxx are warnings: they never fail a command; every other code is an error. */
export function isWarning(code: Code): boolean {
  return code.startsWith('KS9');
}

/** Fills a template's {0}, {1}… with args. */
export function formatMessage(code: Code, args: readonly (string | number)[]): string {
  return CODES[code].replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

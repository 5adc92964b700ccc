// Integer division and remainder by a constant zero in CUDA C. What they give is unspecified
// (docs/language.md), but nvcc warns of them ("division by zero", "right operand of "%" is zero"),
// which the generated code must not provoke, and LLVM takes a constant zero divisor as undefined
// behaviour that lets it drop the code around it. The divisor is therefore passed through an asm
// move, which neither sees as a constant: the division runs, and gives what the hardware gives.
// The rewrite is the CUDA legalize rule hide-zero-divisors (legalize.ts); the printer defines the
// helper when the legalized IR calls it.

export const KEEP_U32 = 'ks_keep_u32';

export const KEEP_HELPER = [
  '// Returns v, unseen as a constant (a constant zero divisor is a warning and undefined in C).',
  `static __device__ __forceinline__ unsigned int ${KEEP_U32}(unsigned int v) {`,
  '  unsigned int r;',
  '  asm("mov.b32 %0, %1;" : "=r"(r) : "r"(v));',
  '  return r;',
  '}',
];

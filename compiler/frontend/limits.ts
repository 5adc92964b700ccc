// How deeply kernel code may nest (docs/language.md, "Limits"). Every pass after the front end's
// checks (lowering, the IR passes, the printers) recurses over the tree, so these bound their stack
// use far below Node's; the nesting bounds also keep the WGSL inside what WebGPU's compiler (Tint)
// accepts: 127 nested statements, where a `for` takes 3 and an `if` 2, and a parser depth shared by
// statements and the expressions in them (32 nested `for`s around a 48-level expression pass).

/** Nested if / else if / loops / blocks in one function. */
export const MAX_STATEMENT_NESTING = 32;

/**
 * Nesting of one expression as the targets print it: parentheses, calls, conditionals and unary
 * operators (the latter count twice: they print as `-(x)`). The left operand of a binary operator
 * does not count, so `a + b + c + …` is flat.
 */
export const MAX_EXPRESSION_NESTING = 48;

/** Depth of one expression counting every operator (long `a + b + c + …` chains), and of a module constant with the constants it reads. */
export const MAX_EXPRESSION_DEPTH = 256;

/**
 * Helpers are lowered when first called, inside the lowering of their caller, so along a chain of
 * helpers calling helpers their nesting adds up: each function's deepest statement nesting plus
 * expression depth, and HELPER_CALL_COST per call, at most this much for a kernel and the chain.
 */
export const MAX_CALL_NESTING = 512;
export const HELPER_CALL_COST = 2;

// [accepts-invalid-ts] TS1274: 'X' modifier can only appear on a type parameter of a class, interface or type alias
// Found by the mutants fuzzer (seed 20260303, input 2862); the input as a kernel file:
//    kernel(function(xs: Float32Array, out out: i32) {
//   })
import type { Reproducer } from '../../fuzz/reproducer.js';

export const reproducer: Reproducer = {
 "seed": 20260303,
 "index": 2862,
 "finding": "[accepts-invalid-ts] TS1274: 'X' modifier can only appear on a type parameter of a class, interface or type alias",
 "fuzzer": "mutants",
 "origin": "test/cases/t-cbrt.ts",
 "fileName": "test/cases/fuzz-t-cbrt.ts",
 "source": " kernel(function(xs: Float32Array, out out: i32) {\n})"
};

// Per-call scratch of the cpu backend's code (shared arrays, locals promoted across barriers, the
// local arrays of barrier-free kernels) is kept in the generated module between calls instead of
// allocated afresh each call: with a few blocks per call, allocating and collecting those typed
// arrays was a large part of a small launch. A module instance runs on one thread, one call at a
// time (each worker loads its own), and the code zeroes each array wherever a fresh one would be
// read: shared arrays per block, local arrays where declared; promoted locals are written before
// they are read, as they already are from one block to the next. Loaded code lives as long as the
// process, so an array over KEEP_MAX_BYTES (large per-thread local arrays) is made per call instead.

/** The largest array a site keeps (a block's shared memory is at most 48 KiB). */
export const KEEP_MAX_BYTES = 1 << 20;

/** The module's kept arrays, by allocation site. */
export const SCRATCH_HELPERS = [
  'const ks_scratch = [];',
  '// Makes a kept array: plainly, or in the memory WebAssembly loops read once the code is linked.',
  'let ks_alloc = (C, n) => new C(n);',
  '// The array kept for `site` if it has `n` elements (an array holds one element type per site).',
  'function ks_kept(site, n) {',
  '  const a = ks_scratch[site];',
  '  return a !== undefined && a.length === n ? a : undefined;',
  '}',
  '// Keeps `a` for `site` unless it is large (an array of per-thread arrays counts them all).',
  'function ks_keep(site, a) {',
  '  const bytes = ArrayBuffer.isView(a) ? a.byteLength : a.length * (ArrayBuffer.isView(a[0]) ? a[0].byteLength : 8);',
  `  if (bytes <= ${KEEP_MAX_BYTES}) ks_scratch[site] = a;`,
  '  return a;',
  '}',
];

/** Numbers the allocation sites of one kernel's code. */
export class Scratch {
  private sites = 0;

  /** A new allocation site. */
  site(): number {
    return this.sites++;
  }

  /** `const name = …`: the kept array of a new site, made by `alloc` when none of `length` elements is kept. */
  keep(name: string, length: string, alloc: string): string {
    const site = this.site();
    return `const ${name} = ks_kept(${site}, ${length}) ?? ks_keep(${site}, ${alloc});`;
  }

  get used(): boolean {
    return this.sites > 0;
  }
}

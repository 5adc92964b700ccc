// Kernel objects and their specializations: `k.specialize({ TILE: 32 })` returns the kernel compiled
// with those module constants replaced. Specializations are memoised per kernel by a canonical key,
// so the same values give the same object and every cache keyed by kernel object (the runtime's
// compiled outputs, devices' pipelines) is hit. Outputs built ahead of time come in by key.
import type { CallSite, CompiledOutputs, Kernel, KernelFn, SpecializeValues, Specialization } from './kernel.js';

const NAME = /^[A-Za-z_$][\w$]*$/;

/** The value as the key spells it: -0 is 0 (a constant cannot tell them apart). */
function spell(v: number): string {
  return String(v === 0 ? 0 : v);
}

/**
 * The canonical key of specialization values: names sorted by code unit, `TILE=32,WG=8`. Throws a
 * TypeError naming the kernel for values no constant can take (not a finite number, a bad name).
 */
export function specializationKey(values: SpecializeValues, kernelName = '(anonymous)'): string {
  const where = `${kernelName}.specialize()`;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new TypeError(`${where} takes an object of module constants' values, as in { TILE: 32 }`);
  }
  for (const name of Object.keys(values).sort()) {
    const v: unknown = values[name];
    if (!NAME.test(name)) throw new TypeError(`${where}: '${name}' cannot name a module constant`);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`${where}: the value of '${name}' must be a finite number, got ${typeof v === 'number' ? v : typeof v}`);
    }
  }
  return canonicalKey(values);
}

/** The canonical key of any values, unchecked (the compiler reports what is wrong with them). */
export function canonicalKey(values: Readonly<Record<string, unknown>>): string {
  return Object.keys(values)
    .sort()
    .map((name) => {
      const v = values[name];
      // Anything else is spelled apart from every number ('8' is "8"), so it never shares a key.
      return `${name}=${typeof v === 'number' ? spell(v) : (JSON.stringify(v) ?? String(v))}`;
    })
    .join(',');
}

/** The values of a canonical key, back as an object (names in key order). */
function valuesOf(values: SpecializeValues): SpecializeValues {
  const out: Record<string, number> = {};
  for (const name of Object.keys(values).sort()) {
    const v = values[name] as number;
    out[name] = v === 0 ? 0 : v;
  }
  return Object.freeze(out);
}

const TARGET_KEYS = ['wgsl', 'cuda', 'js'] as const;

/**
 * A kernel object. `specialized` holds ahead-of-time outputs of its specializations by key (the
 * CLI's index.js passes them as kernel()'s third argument).
 */
export function newKernel<F extends KernelFn>(
  fn: F,
  compiled: CompiledOutputs,
  site: CallSite | null,
  specialized: Readonly<Record<string, CompiledOutputs>> = {},
): Kernel<F> {
  const memo = new Map<string, Kernel<F>>();
  // Outputs built ahead of time know the name the source gave the kernel; a bundler may rename fn.
  const name = Object.values(compiled).find((o) => o !== undefined)?.name ?? (fn.name || '(anonymous)');
  const base: Kernel<F> = {
    kind: 'kernelscript.kernel',
    fn,
    site,
    compiled: { ...compiled },
    specialize(values: SpecializeValues, pre?: CompiledOutputs): Kernel<F> {
      const key = specializationKey(values, name);
      if (key === '') return base;
      let k = memo.get(key);
      if (!k) {
        const spec: Specialization = { kernel: name, key, values: valuesOf(values) };
        k = specializedKernel(base, spec, { ...specialized[key], ...pre });
        memo.set(key, k);
      } else if (pre) {
        // A later call site may carry targets an earlier one lacked (another bundle's targets).
        for (const t of TARGET_KEYS) if (!k.compiled[t] && pre[t]) k.compiled[t] = pre[t];
      }
      return k;
    },
  };
  return base;
}

/** A specialization of `base`: its own outputs; specializing it again merges values on `base`. */
function specializedKernel<F extends KernelFn>(base: Kernel<F>, spec: Specialization, compiled: CompiledOutputs): Kernel<F> {
  return {
    kind: 'kernelscript.kernel',
    fn: base.fn,
    site: base.site,
    compiled,
    specialization: spec,
    specialize: (values: SpecializeValues, pre?: CompiledOutputs): Kernel<F> => base.specialize({ ...spec.values, ...values }, pre),
  };
}

// Runs one case spec on one device and compares with its float64 reference: f32 outputs by
// relative L2 error and no NaN where the reference is finite, integer outputs exactly. Arrays the
// kernel only writes start out poisoned (NaN / a sentinel), so an element it forgets is caught.
import type { CompiledKernel, Target } from '../../core/output.js';
import { resolveKernel } from '../../runtime/jit.js';
import { isKernel } from '../../core/kernel.js';
import { elementOfArray } from '../../core/elements.js';
import type { Device, DeviceArray, LaunchArg, TypedArray } from '../../runtime/types.js';
import { Rng, type CaseSpec, type HostArg } from '../helpers/case.js';

const TARGET: Record<string, Target> = { cpu: 'js', webgpu: 'wgsl', cuda: 'cuda' };
const SENTINEL = 0x5eed_beef;

function isTyped(a: HostArg): a is TypedArray {
  return elementOfArray(a) !== null;
}

/** Float outputs compare by relative error; integer ones (of any width) exactly. */
function isFloat(a: TypedArray): boolean {
  const e = elementOfArray(a);
  return e === 'f32' || e === 'f16' || e === 'f64';
}

function copyArgs(args: HostArg[]): HostArg[] {
  return args.map((a) => (isTyped(a) ? a.slice() : a));
}

/** Throws an Error describing the first problem, or returns normally when the output matches. */
export function compareOutput(name: string, out: TypedArray, ref: ArrayLike<number>, tolerance: number): void {
  if (out.length !== ref.length) throw new Error(`${name}: ${out.length} elements read, reference has ${ref.length}`);
  if (!isFloat(out)) {
    for (let i = 0; i < ref.length; i++) {
      if (out[i] !== ref[i]) throw new Error(`${name}[${i}] = ${out[i]}, expected ${ref[i]} (integers compare exactly)`);
    }
    return;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] as number;
    const o = out[i] as number;
    if (Number.isFinite(r) && !Number.isFinite(o)) throw new Error(`${name}[${i}] = ${o}, expected ${r}`);
    if (!Number.isFinite(r)) continue;
    num += (o - r) ** 2;
    den += r * r;
  }
  const err = den > 0 ? Math.sqrt(num / den) : Math.sqrt(num);
  if (!(err <= tolerance)) {
    let worst = 0;
    for (let i = 1; i < ref.length; i++) {
      if (Math.abs((out[i] as number) - (ref[i] as number)) > Math.abs((out[worst] as number) - (ref[worst] as number))) worst = i;
    }
    throw new Error(
      `${name}: relative L2 error ${err.toExponential(3)} > ${tolerance} (worst ${name}[${worst}] = ${out[worst]}, expected ${ref[worst]})`,
    );
  }
}

/** Every element accepted by `ok`; throws at the first that is not. */
function compareEach(name: string, out: TypedArray, ref: ArrayLike<number>, ok: (got: number, ref: number, index: number) => boolean): void {
  if (out.length !== ref.length) throw new Error(`${name}: ${out.length} elements read, reference has ${ref.length}`);
  for (let i = 0; i < ref.length; i++) {
    const o = out[i] as number;
    const r = ref[i] as number;
    if (!ok(o, r, i)) throw new Error(`${name}[${i}] = ${o}, expected ${r}`);
  }
}

/** Output `i` of a case against its reference: by the spec's element-wise rule when it has one. */
export function checkOutput(spec: CaseSpec, i: number, name: string, out: TypedArray, expected: ArrayLike<number>, backend: Device['backend'], inputs: HostArg[]): void {
  const each = spec.elementwise?.[i];
  if (each) compareEach(name, out, expected, (got, ref, k) => each(got, ref, backend, k, inputs));
  else compareOutput(name, out, expected, spec.tolerance ?? 1e-5);
}

/** A case whose reference equals its input could pass without running: refuse it. */
function assertReferenceChanges(name: string, input: TypedArray, ref: ArrayLike<number>): void {
  for (let i = 0; i < ref.length; i++) if (input[i] !== ref[i] && !(Number.isNaN(input[i]) && Number.isNaN(ref[i]))) return;
  throw new Error(`${name}: the reference equals the input, so this case would pass even if the kernel did nothing`);
}

export async function runCase(mod: Record<string, unknown>, spec: CaseSpec, device: Device, seed?: number): Promise<void> {
  const rng = new Rng(seed);
  const k = mod[spec.kernel];
  if (!isKernel(k)) throw new Error(`the case exports no kernel named '${spec.kernel}'`);
  const compiled: CompiledKernel = resolveKernel(k, TARGET[device.backend] ?? 'js', device.debug);
  const run = spec.make(rng);
  const inputs = copyArgs(run.args);
  const ref = spec.reference(copyArgs(run.args), { warpSize: device.warpSize ?? 32 });
  const arrays: DeviceArray[] = [];
  try {
    const args: LaunchArg[] = run.args.map((a, i) => {
      if (!isTyped(a)) return a;
      const p = compiled.params[i];
      if (ref[i] !== undefined && p?.access === 'write') {
        const poison = a.slice();
        poison.fill(isFloat(poison) ? NaN : SENTINEL);
        arrays.push(device.array(poison));
      } else {
        if (ref[i] !== undefined) assertReferenceChanges(p?.name ?? `argument ${i}`, a, ref[i]);
        arrays.push(device.array(a));
      }
      return arrays[arrays.length - 1] as DeviceArray;
    });
    for (let r = 0; r < (spec.repeat ?? 1); r++) device.launch(compiled, { grid: run.grid, block: run.block }, ...args);
    for (const [key, expected] of Object.entries(ref)) {
      const i = Number(key);
      const arr = args[i];
      const name = compiled.params[i]?.name ?? `argument ${i}`;
      if (typeof arr !== 'object') throw new Error(`the reference lists ${name}, which is not an array argument`);
      checkOutput(spec, i, name, await arr.read(), expected, device.backend, inputs);
    }
  } catch (e) {
    (e as Error).message = `${(e as Error).message}\n  (case seed ${rng.seed}; rerun with KS_SEED=${rng.seed})`;
    throw e;
  } finally {
    for (const a of arrays) a.dispose();
  }
}

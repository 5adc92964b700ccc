// A device matrix type in the spirit of cupy: each operation launches one KernelScript kernel
// (kernels.ts) and returns a new Matrix, so model code reads like the numpy it came from.
// Results stay on the device; read() copies one back. Temporaries are freed by tidy().
import type { DeviceArray } from 'kernelscript';
import type { Gpu } from '../lib/cli.js';
import * as K from './kernels.js';

type Operand = Matrix | number;

const ARITH = { add: 0, sub: 1, mul: 2, div: 3 } as const;
const UNARY = { exp: 0, log: 1, reciprocal: 2, sigmoid: 3, neg: 4, clamp: 5 } as const;

/** Blocks for a grid-strided elementwise launch over n values (strided loops cover the rest). */
const gridFor = (n: number): number => Math.max(1, Math.min(Math.ceil(n / K.BLOCK), 4096));

/** Owns the device and the scopes that tidy() uses to free temporaries. */
export class MatrixContext {
  private readonly scopes: Set<Matrix>[] = [];
  private readonly live = new Set<Matrix>();
  constructor(readonly gpu: Gpu) {}

  /** A rows×cols matrix holding `data` (row-major). */
  fromArray(data: Float32Array, rows: number, cols: number): Matrix {
    if (data.length !== rows * cols) {
      throw new Error(`Matrix.fromArray: ${data.length} values do not make a ${rows}×${cols} matrix`);
    }
    return this.track(new Matrix(this, this.gpu.array(data), rows, cols));
  }

  zeros(rows: number, cols: number): Matrix {
    return this.track(new Matrix(this, this.gpu.alloc(Float32Array, rows * cols), rows, cols));
  }

  /**
   * Runs `fn` and disposes every matrix created inside it except those it returns (a Matrix, or
   * an array or object of them), which move to the enclosing scope — as tf.tidy does.
   */
  tidy<T>(fn: () => T): T {
    const scope = new Set<Matrix>();
    this.scopes.push(scope);
    let result: T;
    try {
      result = fn();
    } finally {
      this.scopes.pop();
    }
    if (result instanceof Promise) {
      // Its matrices would be freed before the awaited work used them.
      for (const m of scope) m.dispose();
      throw new Error('MatrixContext.tidy: the function must be synchronous (queue launches, await outside)');
    }
    const kept = new Set<Matrix>();
    const collect = (v: unknown): void => {
      if (v instanceof Matrix) kept.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(result);
    for (const m of scope) {
      if (kept.has(m)) this.scopes.at(-1)?.add(m);
      else m.dispose();
    }
    return result;
  }

  /** Frees every matrix of this context that is still alive. */
  dispose(): void {
    for (const m of [...this.live]) m.dispose();
  }

  /** Registers a new matrix with the context and the innermost tidy() scope. */
  track(m: Matrix): Matrix {
    this.live.add(m);
    this.scopes.at(-1)?.add(m);
    return m;
  }

  /** Called by Matrix.dispose. */
  forget(m: Matrix): void {
    this.live.delete(m);
  }
}

export class Matrix {
  constructor(
    readonly ctx: MatrixContext,
    readonly data: DeviceArray<Float32Array>,
    readonly rows: number,
    readonly cols: number,
  ) {}

  get size(): number {
    return this.rows * this.cols;
  }
  get shape(): string {
    return `${this.rows}×${this.cols}`;
  }

  private like(rows: number, cols: number): Matrix {
    return this.ctx.zeros(rows, cols);
  }
  private get gpu(): Gpu {
    return this.ctx.gpu;
  }

  // ---- products ----

  /** this · b */
  dot(b: Matrix): Matrix {
    return this.product(b, false, false);
  }
  /** thisᵀ · b (no transpose is materialised) */
  tdot(b: Matrix): Matrix {
    return this.product(b, true, false);
  }
  /** this · bᵀ */
  dotT(b: Matrix): Matrix {
    return this.product(b, false, true);
  }

  private product(b: Matrix, ta: boolean, tb: boolean): Matrix {
    const [m, k] = ta ? [this.cols, this.rows] : [this.rows, this.cols];
    const [k2, n] = tb ? [b.cols, b.rows] : [b.rows, b.cols];
    if (k !== k2) {
      const name = ta ? 'tdot' : tb ? 'dotT' : 'dot';
      throw new Error(`Matrix.${name}: inner sizes differ (${this.shape} and ${b.shape})`);
    }
    const out = this.like(m, n);
    const grid = [Math.ceil(n / K.TILE), Math.ceil(m / K.TILE)] as const;
    this.gpu.launch(K.matmul, { grid, block: [K.TILE, K.TILE] }, this.data, b.data, out.data, m, n, k, ta ? 1 : 0, tb ? 1 : 0);
    return out;
  }

  /** aᵀ, materialised. */
  transpose(): Matrix {
    const out = this.like(this.cols, this.rows);
    const grid = [Math.ceil(this.cols / K.TILE), Math.ceil(this.rows / K.TILE)] as const;
    this.gpu.launch(K.transpose, { grid, block: [K.TILE, K.TILE] }, this.data, out.data, this.rows, this.cols);
    return out;
  }

  // ---- elementwise arithmetic, with numpy-style broadcasting of b ----

  add(b: Operand): Matrix {
    return this.arith('add', b);
  }
  sub(b: Operand): Matrix {
    return this.arith('sub', b);
  }
  mul(b: Operand): Matrix {
    return this.arith('mul', b);
  }
  div(b: Operand): Matrix {
    return this.arith('div', b);
  }
  /** s − this */
  rsub(s: number): Matrix {
    return this.scalarOp(4, s);
  }
  /** s / this */
  rdiv(s: number): Matrix {
    return this.scalarOp(5, s);
  }

  private arith(name: keyof typeof ARITH, b: Operand): Matrix {
    const op = ARITH[name];
    if (typeof b === 'number') return this.scalarOp(op, b);
    let mode: number;
    if (b.rows === this.rows && b.cols === this.cols) mode = 0;
    else if (b.rows === 1 && b.cols === 1) mode = 3;
    else if (b.rows === 1 && b.cols === this.cols) mode = 1;
    else if (b.cols === 1 && b.rows === this.rows) mode = 2;
    else throw new Error(`Matrix.${name}: cannot broadcast ${b.shape} to ${this.shape}`);
    const out = this.like(this.rows, this.cols);
    this.gpu.launch(K.binary, { grid: gridFor(this.size), block: K.BLOCK }, this.data, b.data, out.data, this.size, this.cols, op, mode);
    return out;
  }

  private scalarOp(op: number, s: number): Matrix {
    const out = this.like(this.rows, this.cols);
    this.gpu.launch(K.scalar, { grid: gridFor(this.size), block: K.BLOCK }, this.data, s, out.data, this.size, op);
    return out;
  }

  // ---- elementwise functions ----

  exp(): Matrix {
    return this.unary('exp');
  }
  log(): Matrix {
    return this.unary('log');
  }
  reciprocal(): Matrix {
    return this.unary('reciprocal');
  }
  sigmoid(): Matrix {
    return this.unary('sigmoid');
  }
  neg(): Matrix {
    return this.unary('neg');
  }
  /** Each value limited to [lo, hi]. */
  clamp(lo: number, hi: number): Matrix {
    return this.unary('clamp', lo, hi);
  }

  private unary(name: keyof typeof UNARY, lo = 0, hi = 0): Matrix {
    const out = this.like(this.rows, this.cols);
    this.gpu.launch(K.unary, { grid: gridFor(this.size), block: K.BLOCK }, this.data, out.data, this.size, UNARY[name], lo, hi);
    return out;
  }

  // ---- row-wise and column-wise ----

  /** Softmax of each row. */
  softmaxRows(): Matrix {
    const out = this.like(this.rows, this.cols);
    this.gpu.launch(K.softmaxRows, { grid: Math.ceil(this.rows / K.ROW_BLOCK), block: K.BLOCK }, this.data, out.data, this.rows, this.cols);
    return out;
  }

  /** Sum of each row: rows×1. */
  rowSums(): Matrix {
    const out = this.like(this.rows, 1);
    this.gpu.launch(K.rowSums, { grid: Math.ceil(this.rows / K.ROW_BLOCK), block: K.BLOCK }, this.data, out.data, this.rows, this.cols);
    return out;
  }

  /** Sum of each column: 1×cols. */
  colSums(): Matrix {
    const out = this.like(1, this.cols);
    this.gpu.launch(K.colSums, { grid: Math.ceil(this.cols / K.TILE), block: [K.TILE, K.TILE] }, this.data, out.data, this.rows, this.cols);
    return out;
  }

  /** Sum of everything: 1×1. */
  sum(): Matrix {
    return this.ctx.tidy(() => (this.cols === 1 ? this.colSums() : this.rowSums().colSums()));
  }

  /** Mean of everything: 1×1. */
  mean(): Matrix {
    return this.ctx.tidy(() => this.sum().div(this.size));
  }

  /** Column index of each row's largest value, as a device Int32Array of length rows. */
  argmaxRows(): DeviceArray<Int32Array> {
    const out = this.gpu.alloc(Int32Array, this.rows);
    this.gpu.launch(K.argmaxRows, { grid: Math.ceil(this.rows / K.BLOCK), block: K.BLOCK }, this.data, out, this.rows, this.cols);
    return out;
  }

  /** The rows idx[start … start+count−1] (numpy's m[idx[start:start+count]]). */
  takeRows(idx: DeviceArray<Int32Array>, start: number, count: number): Matrix {
    if (start < 0 || start + count > idx.length) {
      throw new Error(`Matrix.takeRows: rows ${start}…${start + count - 1} run past the ${idx.length} indices`);
    }
    const out = this.like(count, this.cols);
    this.gpu.launch(K.takeRows, { grid: gridFor(out.size), block: K.BLOCK }, this.data, idx, out.data, start, count, this.cols);
    return out;
  }

  // ---- host side ----

  async read(): Promise<Float32Array> {
    return this.data.read();
  }
  /** The first value (of a 1×1 result, typically). */
  async item(): Promise<number> {
    return (await this.data.read())[0];
  }
  dispose(): void {
    if (!this.data.disposed) this.data.dispose();
    this.ctx.forget(this);
  }
}

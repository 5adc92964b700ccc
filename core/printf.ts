// console.log in kernels: the format model. The front end parses and checks a format with it, the
// CUDA printer spells it for printf, and the webgpu and cpu runtimes format the values of the
// device log buffer with it exactly as C's printf does (exact decimal conversion, round half to
// even), so a line reads the same on every backend.
import type { ScalarType } from './ir/types.js';

/** The conversions a kernel's format may use. */
export type Conv = 'd' | 'i' | 'u' | 'x' | 'X' | 'f' | 'e' | 'g' | 's';
export const CONVS: readonly Conv[] = ['d', 'i', 'u', 'x', 'X', 'f', 'e', 'g', 's'];

/** One conversion of a format, checked against its value's type. */
export interface PrintSpec {
  conv: Conv;
  /** Any of '-', '+', ' ', '0', in source order. */
  flags: string;
  width: number | null;
  /** f, e and g only. */
  precision: number | null;
  /** The value's type. */
  type: ScalarType;
}

/** A format after checking: literal text and one spec per value, in order. */
export type PrintPiece = string | PrintSpec;

/** The widest field and the largest precision a format may ask for (bounded lines on every backend). */
export const MAX_WIDTH = 64;
export const MAX_PRECISION = 20;

/** The value types each conversion takes (bool prints as 1/0 with the integer ones, true/false with %s). */
export const CONV_TYPES: Readonly<Record<Conv, readonly ScalarType[]>> = {
  d: ['i32', 'u32', 'bool'],
  i: ['i32', 'u32', 'bool'],
  u: ['i32', 'u32', 'bool'],
  x: ['i32', 'u32', 'bool'],
  X: ['i32', 'u32', 'bool'],
  f: ['f32', 'f16', 'f64'],
  e: ['f32', 'f16', 'f64'],
  g: ['f32', 'f16', 'f64'],
  s: ['bool'],
};

/** How a value prints without a format (`console.log(x, y)`, template holes): like JS where C allows. */
export function defaultSpec(type: ScalarType): PrintSpec {
  const conv: Conv = type === 'i32' ? 'd' : type === 'u32' ? 'u' : type === 'bool' ? 's' : 'g';
  return { conv, flags: '', width: null, precision: null, type };
}

/** A conversion as parsed, before its value is known. */
export interface ParsedSpec {
  conv: Conv;
  flags: string;
  width: number | null;
  precision: number | null;
  /** Offset of its '%' in the format text, and its text. */
  at: number;
  text: string;
}

export type ParsedFormat = { ok: true; pieces: (string | ParsedSpec)[] } | { ok: false; at: number; text: string; why: string };

/** Splits a format into text and conversions (`%%` is a percent sign); the first bad one is the error. */
export function parseFormat(format: string): ParsedFormat {
  const pieces: (string | ParsedSpec)[] = [];
  let text = '';
  const re = /%([-+ 0#]*)(\d*)(?:\.(\d*))?(.?)/gy;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      text += format.slice(i);
      break;
    }
    text += format.slice(i, pct);
    re.lastIndex = pct;
    const m = re.exec(format);
    const [whole = '%', flags = '', width = '', precision, conv = ''] = m ?? [];
    i = pct + whole.length;
    if (whole === '%%') {
      text += '%';
      continue;
    }
    const bad = (why: string): ParsedFormat => ({ ok: false, at: pct, text: whole, why });
    if (!(CONVS as readonly string[]).includes(conv)) {
      return bad(conv === '' ? 'the format ends inside a conversion' : `'%${conv}' is not a conversion kernels print`);
    }
    if (flags.includes('#')) return bad("the '#' flag is not supported");
    const c = conv as Conv;
    const w = width === '' ? null : Number(width);
    if (w !== null && w > MAX_WIDTH) return bad(`the width is at most ${MAX_WIDTH}`);
    const p = precision === undefined ? null : precision === '' ? 0 : Number(precision);
    if (p !== null && c !== 'f' && c !== 'e' && c !== 'g') return bad('only %f, %e and %g take a precision');
    if (p !== null && p > MAX_PRECISION) return bad(`the precision is at most ${MAX_PRECISION}`);
    if (c === 's' && /[0+ ]/.test(flags)) return bad("%s takes only the '-' flag");
    if (text) pieces.push(text);
    text = '';
    pieces.push({ conv: c, flags, width: w, precision: p, at: pct, text: whole });
  }
  if (text) pieces.push(text);
  return { ok: true, pieces };
}

/** One value as C's printf formats it under `spec` (bool: 1/0, or true/false with %s). */
export function formatValue(spec: PrintSpec, value: number | boolean): string {
  const { conv, flags } = spec;
  let sign = '';
  let body: string;
  let numeric = true;
  if (conv === 's') {
    body = value === true || value === 1 ? 'true' : 'false';
    numeric = false;
  } else if (conv === 'd' || conv === 'i' || conv === 'u' || conv === 'x' || conv === 'X') {
    const n = typeof value === 'boolean' ? Number(value) : value;
    // %d/%i print an i32 (or bool) signed and a u32 as its value (C: %u, which takes no sign flags);
    // %u and %x print the 32 bits unsigned.
    const signed = (conv === 'd' || conv === 'i') && spec.type !== 'u32';
    const v = signed ? n | 0 : n >>> 0;
    if (v < 0) sign = '-';
    else if (signed) sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    const mag = Math.abs(v);
    body = conv === 'x' ? mag.toString(16) : conv === 'X' ? mag.toString(16).toUpperCase() : String(mag);
  } else {
    const x = Number(value);
    const neg = x < 0 || Object.is(x, -0);
    sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    if (Number.isNaN(x)) {
      sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      body = 'nan';
      numeric = false;
    } else if (!Number.isFinite(x)) {
      body = 'inf';
      numeric = false;
    } else {
      const p = spec.precision ?? 6;
      const a = Math.abs(x);
      body = conv === 'f' ? fixed(a, p) : conv === 'e' ? exponent(a, p) : general(a, p);
    }
  }
  return pad(sign, body, spec, numeric);
}

function pad(sign: string, body: string, spec: PrintSpec, numeric: boolean): string {
  const len = sign.length + body.length;
  const w = spec.width ?? 0;
  if (len >= w) return sign + body;
  const fill = w - len;
  if (spec.flags.includes('-')) return sign + body + ' '.repeat(fill);
  if (numeric && spec.flags.includes('0')) return sign + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + sign + body;
}

/** A positive finite double as m * 2^e, m an integer. */
function decompose(x: number): { m: bigint; e: number } {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0);
  const lo = dv.getUint32(4);
  const be = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return be === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: be - 1075 };
}

/** x * 10^k as num / den, exactly. */
function ratio(x: number, k: number): { num: bigint; den: bigint } {
  const { m, e } = decompose(x);
  let num = e >= 0 ? m << BigInt(e) : m;
  let den = e >= 0 ? 1n : 1n << BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  return { num, den };
}

/** x * 10^k rounded to an integer, ties to even (glibc's printf, in the default rounding mode). */
function scaled(x: number, k: number): bigint {
  if (x === 0) return 0n;
  const { num, den } = ratio(x, k);
  const q = num / den;
  const twice = 2n * (num - q * den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** The decimal exponent E of x > 0: 10^E <= x < 10^(E+1). */
function decimalExponent(x: number): number {
  let e = Math.floor(Math.log10(x));
  const atLeast = (k: number): boolean => {
    // x >= 10^k  <=>  x * 10^-k >= 1
    const { num, den } = ratio(x, -k);
    return num >= den;
  };
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  return e;
}

function fixed(x: number, p: number): string {
  const n = scaled(x, p).toString().padStart(p + 1, '0');
  return p === 0 ? n : `${n.slice(0, -p)}.${n.slice(-p)}`;
}

/** The p + 1 significant digits of x (rounded) and their exponent. */
function significant(x: number, p: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  let exp = decimalExponent(x);
  let n = scaled(x, p - exp);
  if (n === 10n ** BigInt(p + 1)) n = scaled(x, p - ++exp);
  return { digits: n.toString(), exp };
}

function exponent(x: number, p: number): string {
  const { digits, exp } = significant(x, p);
  return `${p === 0 ? digits : `${digits[0] ?? '0'}.${digits.slice(1)}`}${expSuffix(exp)}`;
}

const expSuffix = (exp: number): string => `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;

function general(x: number, p0: number): string {
  const p = p0 === 0 ? 1 : p0;
  const exp = significant(x, p - 1).exp;
  const strip = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (p > exp && exp >= -4) return strip(fixed(x, p - 1 - exp));
  const { digits } = significant(x, p - 1);
  const mant = p - 1 === 0 ? digits : `${digits[0] ?? '0'}.${digits.slice(1)}`;
  return `${strip(mant)}${expSuffix(exp)}`;
}

/** C printf's text for the spec (the CUDA printer's spelling of it). */
export function cSpec(spec: PrintSpec): string {
  const w = spec.width === null ? '' : String(spec.width);
  const p = spec.precision === null ? '' : `.${spec.precision}`;
  // A u32 under %d/%i is its unsigned value, which C spells %u.
  const conv = (spec.conv === 'd' || spec.conv === 'i') && spec.type === 'u32' ? 'u' : spec.conv;
  return `%${spec.flags}${w}${p}${conv}`;
}

/** One console.log of a kernel: where it is (the line's prefix names the file and line) and its format. */
export interface PrintSite {
  /** The source file's base name. */
  file: string;
  line: number;
  column: number;
  pieces: PrintPiece[];
}

/** The number of values a print carries after its six coordinates; CUDA's printf takes 32 arguments. */
export const MAX_PRINT_VALUES = 26;

/** The i32 coordinates every print carries before its values: blockIdx x, y, z, threadIdx x, y, z. */
export const PRINT_COORDS = 6;

/** `[kernel block (x,y,z) thread (x,y,z) file:line] `, the prefix of every line. */
export function linePrefix(kernel: string, site: Pick<PrintSite, 'file' | 'line'>, block: readonly number[], thread: readonly number[]): string {
  return `[${kernel} block (${block.join(',')}) thread (${thread.join(',')}) ${site.file}:${site.line}] `;
}

/** A site's specs, in value order. */
export const siteSpecs = (site: PrintSite): PrintSpec[] => site.pieces.filter((p): p is PrintSpec => typeof p !== 'string');

/**
 * The device log buffer (webgpu and cpu), u32 words, zero before a launch: word 0 the cursor (words
 * reserved so far, atomically), word 1 the count of records that did not fit, then the records.
 * A record is its site + 1 (zero marks words a reservation that did not fit left unwritten), the
 * six coordinates (their bits), then each value's bits: i32, u32, bool
 * (1/0) and f32 one word, f16 as the bits of its f32 value, f64 two words (low, high). A print
 * reserves its record's words with one atomic add; a reservation that ends past the buffer is
 * dropped and counted, and so is every later one (the cursor only grows).
 */
export const LOG_HEADER_WORDS = 2;
/** The default size of a launch's log buffer (createDevice({ logBytes })). */
export const DEFAULT_LOG_BYTES = 64 * 1024;

/** The words one value of `type` takes in a log record. */
export const valueWords = (type: ScalarType): number => (type === 'f64' ? 2 : 1);

/** The words of a record of `site`. */
export const recordWords = (site: PrintSite): number => 1 + PRINT_COORDS + siteSpecs(site).reduce((n, s) => n + valueWords(s.type), 0);

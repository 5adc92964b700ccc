// The runtimes format log records with core/printf.ts, which must print what C's printf prints
// (the CUDA backend's lines come from printf itself): random values under random conversions,
// flags, widths and precisions, against the C library compiled here (skipped without a C compiler).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatValue, type Conv, type PrintSpec } from '../../core/printf.js';
import { Rng } from '../helpers/case.js';

const CC = ((): string | null => {
  for (const cc of ['cc', 'gcc', 'clang']) {
    try {
      execFileSync(cc, ['--version'], { stdio: 'ignore' });
      return cc;
    } catch {
      // try the next
    }
  }
  return null;
})();

describe.skipIf(!CC)(`formatValue agrees with C's printf${CC ? '' : ' (skipped: no C compiler)'}`, () => {
  it('on random doubles and 32-bit integers, with ties and specials', () => {
    const rng = new Rng();
    const pick = <T,>(xs: readonly T[]): T => xs[rng.int(0, xs.length)] as T;
    const calls: string[] = [];
    const want: string[] = [];
    const specials = [0, -0, Infinity, -Infinity, NaN, 0.5, 2.5, -2.5, 1e-7, 0.0078125, 9.9999995, 999999.5, 1e21, 5e-324, 1.7976931348623157e308];
    for (let i = 0; i < 3000; i++) {
      const kind = rng.next();
      const x = i < specials.length ? (specials[i] as number)
        : kind < 0.3 ? (rng.next() - 0.5) * 10 ** rng.int(-12, 12)
        : kind < 0.5 ? Math.round((rng.next() - 0.5) * 4000) / 8
        : kind < 0.7 ? Math.fround((rng.next() - 0.5) * 10 ** rng.int(-30, 30))
        : 2 ** rng.int(-40, 40);
      const spec: PrintSpec = {
        conv: pick(['f', 'e', 'g'] as const),
        flags: pick(['', '-', '0', '+', ' ', '+0', '-+']),
        width: rng.next() < 0.5 ? null : rng.int(0, 30),
        precision: rng.next() < 0.4 ? null : rng.int(0, 18),
        type: 'f64',
      };
      const bits = new BigUint64Array(new Float64Array([x]).buffer)[0] ?? 0n;
      calls.push(`{ unsigned long long b = ${bits}ull; double d; memcpy(&d, &b, 8); printf("${text(spec)}\\n", d); }`);
      want.push(formatValue(spec, x));
    }
    for (let i = 0; i < 1000; i++) {
      const type = pick(['i32', 'u32', 'bool'] as const);
      const conv = pick(['d', 'i', 'u', 'x', 'X'] as const);
      const v = type === 'bool' ? rng.next() < 0.5 : type === 'i32' ? rng.int(0, 2 ** 32) | 0 : rng.int(0, 2 ** 32);
      const spec: PrintSpec = { conv, flags: pick(['', '-', '0', '+', ' ']), width: rng.next() < 0.5 ? null : rng.int(0, 16), precision: null, type };
      const c = (conv === 'd' || conv === 'i') && type === 'u32' ? 'u' : conv;
      const arg = type === 'u32' ? `${v}u` : type === 'bool' ? (v ? '1' : '0') : `(int)${v}`;
      calls.push(`printf("${text({ ...spec, conv: c as Conv })}\\n", ${c === 'd' || c === 'i' ? '(int)' : '(unsigned int)'}${arg});`);
      want.push(formatValue(spec, v));
    }
    const dir = mkdtempSync(join(tmpdir(), 'ks-printf-'));
    try {
      writeFileSync(join(dir, 'p.c'), `#include <stdio.h>\n#include <string.h>\nint main(void) {\n${calls.join('\n')}\nreturn 0;\n}\n`);
      execFileSync(CC as string, ['-w', '-o', join(dir, 'p'), join(dir, 'p.c')]);
      const got = execFileSync(join(dir, 'p')).toString().split('\n').slice(0, -1);
      const diff = want.flatMap((w, i) => (got[i] === w ? [] : [`${calls[i]} C: ${got[i]} ours: ${w}`]));
      expect(diff, `seed ${rng.seed}`).toEqual([]);
      expect(got).toHaveLength(want.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const text = (s: PrintSpec): string => `%${s.flags}${s.width ?? ''}${s.precision === null ? '' : `.${s.precision}`}${s.conv}`;

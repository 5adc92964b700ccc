// Child process of stdio.test.ts: C printf lines written while the parent is not reading, through
// withPrintfFlushed, as CUDA's device printf writes them at a synchronize().
import koffi from 'koffi';
import { withPrintfFlushed } from '../../runtime/cuda/stdio.js';

const n = Number(process.argv[2] ?? 0);
const printf = koffi.load('libc.so.6').func('int printf(const char *fmt, ...)') as (fmt: string, ...rest: unknown[]) => number;
withPrintfFlushed(() => {
  for (let i = 0; i < n; i++) printf(`line %d ${'x'.repeat(80)}\n`, 'int', i);
});

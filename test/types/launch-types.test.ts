// gpu.launch's typing must name the wrong argument under TypeScript 6 and 7 alike. Each fixture in
// fixtures/ makes one mistake and marks it with /*!*/ just before the token the error must point at;
// the rest (kernels.ts, ok.ts) and the sources they import must compile clean. Both compilers check
// tsconfig.json here in child processes, as a user's `tsc --noEmit` would.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const FIXTURES = 'test/types/fixtures';
const MARK = '/*!*/';

/** A compiler's tsc entry, from its package's bin field (typescript 7 does not export bin/). */
function tscOf(pkg: string): string {
  const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { tsc: string } };
  return join(dirname(manifest), bin.tsc);
}

/** Why a compiler cannot run here ('' when it can): typescript 7 is a native binary per platform. */
function unavailable(tsc: string): string {
  try {
    execFileSync(process.execPath, [tsc, '--version'], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return `its tsc does not run on ${process.platform}-${process.arch}: ${(e as Error).message.split('\n')[0]}`;
  }
}

interface At {
  file: string;
  line: number;
  column: number;
}
interface TscError extends At {
  code: string;
  message: string;
}

/** Where each marked fixture expects its error: the first token after the marker. */
function expectedErrors(): At[] {
  const out: At[] = [];
  for (const name of readdirSync(join(ROOT, FIXTURES)).sort()) {
    const file = `${FIXTURES}/${name}`;
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const at = text.indexOf(MARK);
        if (at < 0) return;
        const rest = text.slice(at + MARK.length);
        out.push({ file, line: i + 1, column: at + MARK.length + rest.length - rest.trimStart().length + 1 });
      });
  }
  return out;
}

/** Runs one tsc on a project (the fixtures' by default); parses `file(line,col): error TSn: message`. */
async function check(tsc: string, project = 'test/types/tsconfig.json'): Promise<TscError[]> {
  const run = promisify(execFile)(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', project], {
    cwd: ROOT,
    maxBuffer: 1 << 24,
  });
  // tsc exits non-zero when it reports errors: those are the result, not a failure to run.
  const stdout = await run.then(
    (r) => r.stdout,
    (e: { stdout?: string; stderr?: string; message: string }) => {
      if (!e.stdout) throw new Error(`tsc failed to run: ${e.stderr || e.message}`);
      return e.stdout;
    },
  );
  const errors: TscError[] = [];
  for (const m of stdout.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)) {
    const [, file = '', line = '', column = '', code = '', message = ''] = m;
    errors.push({ file: relative(ROOT, resolve(ROOT, file)).replaceAll('\\', '/'), line: Number(line), column: Number(column), code, message });
  }
  if (errors.length === 0 && stdout.trim() !== '') throw new Error(`unparsed tsc output:\n${stdout}`);
  return errors;
}

const expected = expectedErrors();
const fixtureFiles = readdirSync(join(ROOT, FIXTURES)).map((n) => `${FIXTURES}/${n}`);

const compilers = [
  { name: 'TypeScript 6', pkg: 'typescript' },
  { name: 'TypeScript 7', pkg: 'typescript-7' },
].map((c) => {
  const tsc = tscOf(c.pkg);
  return { ...c, tsc, reason: unavailable(tsc) };
});

it('has a marked error in every fixture but the clean ones', () => {
  const marked = new Set(expected.map((e) => e.file));
  const clean = fixtureFiles.filter((f) => !marked.has(f)).map((f) => f.slice(FIXTURES.length + 1));
  expect(clean.sort()).toEqual(['kernels.ts', 'ok.ts']);
  expect(expected.length).toBe(marked.size);
});

for (const c of compilers) {
  describe.skipIf(c.reason !== '')(`launch typings under ${c.name}${c.reason && ` (skipped: ${c.reason})`}`, () => {
    let errors: TscError[] = [];
    beforeAll(async () => {
      errors = await check(c.tsc);
    });

    it('compiles the sources and the correct launches clean', () => {
      const stray = errors.filter((e) => !expected.some((x) => x.file === e.file));
      expect(stray.map((e) => `${e.file}(${e.line},${e.column}): ${e.code} ${e.message}`)).toEqual([]);
    });

    it('launches with the lib\'s own Float16Array where the lib has one (ES2025 and later)', async () => {
      const got = await check(c.tsc, 'test/types/native-float16/tsconfig.json');
      expect(got.map((e) => `${e.file}(${e.line},${e.column}): ${e.code} ${e.message}`)).toEqual([]);
    });

    for (const want of expected) {
      it(`reports ${want.file.slice(FIXTURES.length + 1)} at the wrong argument`, () => {
        const got = errors.filter((e) => e.file === want.file);
        // The message travels with the position so a failure shows what the compiler said instead.
        expect(got.map((e) => ({ line: e.line, column: e.column, what: `${e.code} ${e.message}` }))).toEqual([
          { line: want.line, column: want.column, what: expect.not.stringMatching(/No overload|CompiledKernel/) as unknown },
        ]);
      });
    }
  });
}

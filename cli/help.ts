// Help text, kept apart so that `--help` output is easy to review as a whole.
export const USAGE = `Usage: kernelscript <command> [options] [files...]

Commands:
  build <files...>   Compile the kernels in files (paths, directories or quoted globs)
  check <files...>   Report diagnostics only; writes nothing
  doctor             Show which backends (cuda, webgpu, cpu) work on this machine
  help [command]     Show help for a command

Options:
  -h, --help         Show help
  -v, --version      Show the version

Run 'kernelscript help <command>' for a command's options.`;

export const BUILD_USAGE = `Usage: kernelscript build <files...> [options]

Compiles every kernel(...) definition in the given TypeScript files and writes, per kernel, the
generated source for each target, plus manifest.json, kernels.js and kernels.d.ts (typed,
precompiled kernels to launch with 'kernelscript/runtime') to the output directory.

Options:
  -t, --target <list>  Comma-separated targets: wgsl, cuda, js (default: wgsl,cuda,js)
  -o, --out <dir>      Output directory (default: build/kernels)
      --ptx            Also assemble CUDA C to PTX with nvcc (skipped with a warning without nvcc)
      --arch <sm_XX>   GPU architecture for --ptx (default: sm_75)
      --emit <what>    Print to stdout instead of writing: 'ir' (the IR) or 'code' (generated code)
  -w, --watch          Rebuild when a source file or a file it depends on changes
      --no-cache       Compile everything, ignoring and not updating the on-disk cache
      --cache-dir <d>  Cache directory (default: node_modules/.cache/kernelscript)
      --color          Force colored diagnostics
      --no-color       Disable colored diagnostics (also: NO_COLOR=1)
  -q, --quiet          Print only diagnostics
  -h, --help           Show this help

Exit status: 0 on success, 1 if any file has an error, 2 on a usage error.`;

export const CHECK_USAGE = `Usage: kernelscript check <files...> [options]

Type-checks and compiles the kernels in the given files for every target and reports diagnostics,
without writing anything. With --target, also prints each kernel's static resource use per backend
(shared memory per block, local arrays per thread, parameters; for cuda the registers, stack and
spills ptxas allocates, when nvcc is found) and warns (KS9xxx) where a kernel reaches 90% of a
usual limit: 32 KiB of shared memory on webgpu, 48 KiB on cuda and cpu, 255 registers per thread.

Options:
  -t, --target <list>  Targets to check and report on: webgpu (or wgsl), cuda, cpu (or js);
                       repeatable or comma-separated (default: all, without the report)
      --arch <sm_XX>   GPU architecture of the cuda register report (default: sm_90)
      --emit ir        Also print the IR of every kernel
  -w, --watch          Check again when a file changes
      --color          Force colored diagnostics
      --no-color       Disable colored diagnostics (also: NO_COLOR=1)
  -q, --quiet          Print only diagnostics (warnings included)
  -h, --help           Show this help

Exit status: 0 when there are no errors (warnings do not count), 1 if any file has an error (or nvcc
fails on the report), 2 on a usage error.`;

export const DOCTOR_USAGE = `Usage: kernelscript doctor [--json]

Probes every backend and reports which ones can run kernels here, and why the others cannot.
Exit status: 0 when a GPU works (cuda, or webgpu on a hardware adapter), else 1.

Options:
      --json   Print the report as JSON
  -h, --help   Show this help`;

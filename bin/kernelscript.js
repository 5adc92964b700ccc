#!/usr/bin/env node
// The `kernelscript` command. Runs the built CLI from dist/ when present; in a source checkout
// (no build step) it loads the TypeScript sources through tsx instead.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/main.js`;

let cli;
if (existsSync(built)) {
  cli = await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(pathToFileURL(`${root}cli/main.ts`).href);
}

try {
  process.exitCode = await cli.main(process.argv.slice(2));
} catch (e) {
  // A bug, not a user error: say so plainly, with the stack for the report.
  process.stderr.write(`kernelscript: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 70;
}

// The package's version, for --version and the build manifest.
import { readFileSync } from 'node:fs';

let version: string | null = null;
export function packageVersion(): string {
  if (version !== null) return version;
  for (const p of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kernelscript' && pkg.version) return (version = pkg.version);
    } catch {
      // try the next location (source checkout vs dist/)
    }
  }
  return (version = '0.0.0');
}

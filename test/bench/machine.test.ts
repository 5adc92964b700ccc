// The commit a benchmark report names: git's HEAD in a checkout, the COMMIT file in a portable
// bundle (scripts/bundle.ts writes it), else 'unknown'.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { commit } from '../../bench/suite/machine.js';

const dir = mkdtempSync(join(tmpdir(), 'ks-commit-'));
const root = join(import.meta.dirname, '../..');
/** The portable bundle carries no .git (its own COMMIT file stands for it). */
const checkout = existsSync(join(root, '.git'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report commit', () => {
  it("reads a bundle's COMMIT file, and says unknown without one", () => {
    expect(commit(dir)).toBe('unknown');
    const id = `${Math.random().toString(16).slice(2)} with uncommitted changes`;
    writeFileSync(join(dir, 'COMMIT'), `${id}\n`);
    expect(commit(dir)).toBe(id);
  });

  it.skipIf(!checkout)(`names a checkout's HEAD${checkout ? '' : ' (skipped: not a git checkout)'}`, () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    expect(commit(root)).toBe(head);
  });
});

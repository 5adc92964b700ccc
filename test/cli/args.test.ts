import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../cli/args.js';

describe('parseCommand', () => {
  it('parses build with targets, out and flags', () => {
    const c = parseCommand(['build', 'src/*.ts', 'k.ts', '--target', 'wgsl,js', '-o', 'out', '--ptx', '--target=cuda', '-w']);
    expect(c).toMatchObject({ kind: 'build', files: ['src/*.ts', 'k.ts'], targets: ['wgsl', 'js', 'cuda'], out: 'out', ptx: true, watch: true, cache: true });
  });

  it('defaults to every target and build/kernels', () => {
    expect(parseCommand(['build', 'k.ts'])).toMatchObject({ targets: ['wgsl', 'cuda', 'js'], out: 'build/kernels', color: null, emit: null });
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['--frob'], "unknown option '--frob'"],
    [['build'], 'no input files'],
    [['build', 'k.ts', '--target', 'metal'], "unknown target 'metal' (expected one of: wgsl, cuda, js)"],
    [['build', 'k.ts', '--emit', 'asm'], "unknown value 'asm' for '--emit'"],
    [['build', 'k.ts', '--bogus'], "unknown option '--bogus'"],
    [['build', 'k.ts', '--out'], "option '-o, --out <value>' argument missing"],
    [['build', 'k.ts', '--ptx', '-t', 'wgsl'], "'--ptx' needs the cuda target"],
    [['build', 'k.ts', '--arch', 'volta'], "invalid '--arch' value 'volta'"],
    [['check', 'k.ts', '--out', 'x'], "option '--out' applies to 'build' only"],
    [['check', 'k.ts', '--color', '--no-color'], "options '--color' and '--no-color' conflict"],
    [['help', 'nope'], "unknown command 'nope'"],
  ])('rejects %j', (argv, message) => {
    const c = parseCommand(argv);
    expect(c.kind).toBe('usage-error');
    expect(c.kind === 'usage-error' && c.message).toContain(message);
  });

  it('routes help forms', () => {
    expect(parseCommand([])).toEqual({ kind: 'help', topic: null });
    expect(parseCommand(['help', 'build'])).toEqual({ kind: 'help', topic: 'build' });
    expect(parseCommand(['check', '--help'])).toEqual({ kind: 'help', topic: 'check' });
    expect(parseCommand(['-v'])).toEqual({ kind: 'version' });
    expect(parseCommand(['doctor', '--json'])).toEqual({ kind: 'doctor', json: true });
  });
});

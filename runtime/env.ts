// The runtime's settings from the environment: Node's process.env where there is one; in browsers
// (no process) every variable reads as unset.

/** Whether the runtime runs under Node. */
export function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** An environment variable, or undefined where it is unset or there is no environment. */
export function envVar(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
}

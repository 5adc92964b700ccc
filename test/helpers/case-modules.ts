// Test case modules loaded at run time. Case files are kernel files written as users write them
// (checked by tsconfig.kernels.json, without noUncheckedIndexedAccess); a static import would pull
// them into the strict project's type check.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CASES_DIR } from '../targets/sources.js';

export async function loadCase<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(join(CASES_DIR, file)).href)) as T;
}

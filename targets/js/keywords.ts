// Words a user name must not take in the generated JS: keywords and the globals it reads.
import type { NamePolicy } from '../names.js';

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w !== ''));

export const JS_RESERVED = words(`
  break case catch class const continue debugger default delete do else enum export extends false
  finally for function if implements import in instanceof interface let new null package private
  protected public return static super switch this throw true try typeof var void while with
  yield await async of arguments eval undefined NaN Infinity Math Object Array Number Boolean
  Float32Array Int32Array Uint32Array Symbol globalThis Error
`);

/** JS takes any TypeScript identifier; only keywords and the globals the generated code reads are taken. */
export const JS_NAMES: NamePolicy = { reserved: (n) => JS_RESERVED.has(n), asciiOnly: false, noLeadingUnderscore: false, arraysBesideEntry: false };

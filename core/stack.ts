// Reading source locations out of V8 stack traces (Node, Chromium), for the no-build path's call
// sites. A frame is `at fn (location)` or `at location`, where the location is a path or a URL
// followed by `:line:column`. Paths may hold spaces and parentheses, so a frame is parsed from its
// end (the `:line:column` suffix) and the location's start is found by what a location looks like.
// Node-free on purpose: this module is part of browser bundles.

export interface FrameLocation {
  /** An absolute file path (a file:// URL is turned into one); other URLs are kept as they are. */
  file: string;
  line: number;
  column: number;
}

const SUFFIX = /:(\d+):(\d+)(\)?)\s*$/;
// Where a location may start: a URL scheme, a POSIX root, a drive letter, or a UNC share.
const LOCATION_START = /^(?:[A-Za-z][A-Za-z\d+.-]+:\/\/|\/|[A-Za-z]:[\\/]|\\\\)/;

/** The location of one stack frame line, or null for frames without a file (native, eval, node:). */
export function parseStackFrame(frame: string): FrameLocation | null {
  let s = frame.trim();
  if (!s.startsWith('at ')) return null;
  s = s.slice(3);
  const m = SUFFIX.exec(s);
  if (!m) return null;
  let loc = s.slice(0, m.index);
  if (m[3]) {
    // `fn (location)`: eval frames nest a second location inside the first; they have no file.
    if (/\(eval at /.test(s)) return null;
    const open = locationStart(loc);
    if (open < 0) return null;
    loc = loc.slice(open + 1);
  } else if (!LOCATION_START.test(loc)) {
    return null;
  }
  const file = toPath(loc);
  return file === null ? null : { file, line: Number(m[1]), column: Number(m[2]) };
}

/** The first `(` in `fn (location` that opens something shaped like a location, else -1. */
function locationStart(s: string): number {
  for (let i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) {
    if (LOCATION_START.test(s.slice(i + 1))) return i;
  }
  return -1;
}

/** A file path for a location: file:// URLs are decoded (Windows drive letters kept as `C:\…`). */
function toPath(loc: string): string | null {
  if (!/^file:\/\//i.test(loc)) return loc;
  let url: URL;
  try {
    url = new URL(loc);
  } catch {
    return null;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/^\/[A-Za-z]:\//.test(path)) return path.slice(1).replace(/\//g, '\\');
  // file://server/share/… is a UNC path.
  if (url.host) return `\\\\${url.host}${path.replace(/\//g, '\\')}`;
  return path;
}

/**
 * The first frame of `stack` with a file that `skip` does not reject. The first line of a V8 stack
 * is the error's message, which never starts with `at `, so it is skipped by the parser itself.
 */
export function firstFrame(stack: string, skip: (file: string) => boolean): FrameLocation | null {
  for (const line of stack.split('\n')) {
    const f = parseStackFrame(line);
    if (f && !skip(f.file)) return f;
  }
  return null;
}

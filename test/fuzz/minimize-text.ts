// Delta debugging over a source text: remove chunks of lines, then of tokens, for as long as the
// input still fails the same way. Bounded by a number of checks, so a minimization always ends.
import { tokenize } from './tokens.js';

export type StillFails = (text: string) => Promise<boolean>;

/** ddmin over `parts`: the smallest sublist (in order) for which `test(join(sublist))` still holds. */
async function ddmin(parts: string[], join: (ps: string[]) => string, test: StillFails, budget: { left: number }): Promise<string[]> {
  let cur = parts;
  let n = 2;
  while (cur.length >= 2 && budget.left > 0) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let start = 0; start < cur.length && budget.left > 0; start += size) {
      const cand = [...cur.slice(0, start), ...cur.slice(start + size)];
      budget.left--;
      if (cand.length > 0 && (await test(join(cand)))) {
        cur = cand;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size === 1) break;
      n = Math.min(n * 2, cur.length);
    }
  }
  return cur;
}

/** A smaller text that still fails; `text` itself when nothing smaller does (or the budget ran out). */
export async function minimizeText(text: string, stillFails: StillFails, maxChecks = 400): Promise<string> {
  const budget = { left: maxChecks };
  const lines = await ddmin(text.split('\n'), (ps) => ps.join('\n'), stillFails, budget);
  let out = lines.join('\n');
  const toks = tokenize(out);
  if (toks.length > 1 && budget.left > 0) {
    // Tokens keep the whitespace before them, so that the text stays readable.
    const parts = toks.map((t, i) => out.slice(i === 0 ? 0 : (toks[i - 1]?.end ?? 0), t.end));
    const tail = out.slice(toks[toks.length - 1]?.end ?? out.length);
    const kept = await ddmin(parts, (ps) => ps.join('') + tail, stillFails, budget);
    out = kept.join('') + tail;
  }
  return out;
}

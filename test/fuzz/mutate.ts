// Mutations of a kernel source text: token edits (delete, duplicate, swap), odd names, swapped
// operators, edge literals and types, and syntax-aware edits (deep nesting, duplicated, deleted
// or swapped statements, an expression replaced by another, constructs outside the language, a
// statement repeated thousands of times). A mutant is a pure function of its
// seed text and its Rng.
import ts from 'typescript';
import { EDGE_LITERALS, EDGE_SIZES, FOREIGN_EXPRESSIONS, FOREIGN_STATEMENTS, ODD_NAMES, OPERATOR_GROUPS, TS_KEYWORDS, TYPE_NAMES } from './edges.js';
import { chance, pick, weighted, type Rng } from './random.js';
import { isIdentifier, isNumber, splice, tokenize, type Token } from './tokens.js';

export interface Mutant {
  text: string;
  /** One line per mutation applied, in order. */
  ops: string[];
}

type Edit = { text: string; desc: string } | null;
/** `donors`: other seed texts, whose statements may be spliced in. */
type Op = (text: string, rng: Rng, donors: readonly string[]) => Edit;

const NEST_DEPTHS = [2, 8, 40, 150, 300, 600, 1200];

/** Where the imports end: mutations land after it, except for a few. */
function bodyStart(sf: ts.SourceFile): number {
  let end = 0;
  for (const st of sf.statements) if (ts.isImportDeclaration(st)) end = st.end;
  return end;
}

function parse(text: string): ts.SourceFile {
  return ts.createSourceFile('mutant.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function siteTokens(text: string, rng: Rng, filter: (t: Token, i: number, all: Token[]) => boolean): { tok: Token; i: number; all: Token[] } | null {
  const all = tokenize(text);
  const from = chance(rng, 0.05) ? 0 : bodyStart(parse(text));
  const idx = all.map((_, i) => i).filter((i) => (all[i] as Token).start >= from && filter(all[i] as Token, i, all));
  if (idx.length === 0) return null;
  const i = pick(rng, idx);
  return { tok: all[i] as Token, i, all };
}

const show = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

const deleteToken: Op = (text, rng) => {
  const s = siteTokens(text, rng, () => true);
  return s && { text: splice(text, s.tok.start, s.tok.end, ''), desc: `delete token '${s.tok.text}' at ${s.tok.start}` };
};

const duplicateToken: Op = (text, rng) => {
  const s = siteTokens(text, rng, () => true);
  return s && { text: splice(text, s.tok.end, s.tok.end, ` ${s.tok.text}`), desc: `duplicate token '${s.tok.text}' at ${s.tok.start}` };
};

const swapTokens: Op = (text, rng) => {
  const s = siteTokens(text, rng, (_, i, all) => i + 1 < all.length);
  if (!s) return null;
  const b = s.all[s.i + 1] as Token;
  const mid = text.slice(s.tok.end, b.start);
  return { text: splice(text, s.tok.start, b.end, `${b.text}${mid}${s.tok.text}`), desc: `swap tokens '${s.tok.text}' '${b.text}' at ${s.tok.start}` };
};

const oddName = (rng: Rng): string => (chance(rng, 0.1) ? pick(rng, TS_KEYWORDS) : pick(rng, ODD_NAMES));

/** One identifier occurrence replaced by an odd name, a keyword or another name of the file. */
const replaceIdentifier: Op = (text, rng) => {
  const s = siteTokens(text, rng, isIdentifier);
  if (!s) return null;
  const names = s.all.filter(isIdentifier).map((t) => t.text);
  const to = chance(rng, 0.5) ? pick(rng, names) : oddName(rng);
  return { text: splice(text, s.tok.start, s.tok.end, to), desc: `replace identifier '${s.tok.text}' at ${s.tok.start} by '${to}'` };
};

/** Names the file declares (locals, parameters, helpers, constants). */
function declaredNames(sf: ts.SourceFile): string[] {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) && n.name && ts.isIdentifier(n.name)) {
      out.add(n.name.text);
    }
    n.forEachChild(visit);
  };
  for (const st of sf.statements) if (!ts.isImportDeclaration(st)) visit(st);
  return [...out].sort();
}

/** Every use of a declared name renamed consistently: a valid program with an odd name. */
const renameDeclared: Op = (text, rng) => {
  const names = declaredNames(parse(text));
  if (names.length === 0) return null;
  const from = pick(rng, names);
  const to = oddName(rng);
  const toks = tokenize(text);
  let out = text;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i] as Token;
    const prev = toks[i - 1];
    if (isIdentifier(t) && t.text === from && prev?.text !== '.') out = splice(out, t.start, t.end, to);
  }
  return { text: out, desc: `rename '${from}' to '${to}' everywhere` };
};

const ALL_OPS = new Set(OPERATOR_GROUPS.flat());

const swapOperator: Op = (text, rng) => {
  const s = siteTokens(text, rng, (t) => ALL_OPS.has(t.text));
  if (!s) return null;
  const group = OPERATOR_GROUPS.find((g) => g.includes(s.tok.text)) ?? [];
  const to = chance(rng, 0.7) ? pick(rng, group) : pick(rng, [...ALL_OPS]);
  return { text: splice(text, s.tok.start, s.tok.end, to), desc: `operator '${s.tok.text}' at ${s.tok.start} to '${to}'` };
};

const edgeLiteral: Op = (text, rng) => {
  const s = siteTokens(text, rng, isNumber);
  if (!s) return null;
  // The length argument of localArray/sharedArray gets sizes a GPU may not hold.
  const before = s.all.slice(Math.max(0, s.i - 4), s.i).map((t) => t.text);
  const sized = before.includes('localArray') || before.includes('sharedArray');
  const to = sized && chance(rng, 0.7) ? pick(rng, EDGE_SIZES) : pick(rng, EDGE_LITERALS);
  return { text: splice(text, s.tok.start, s.tok.end, to), desc: `literal '${s.tok.text}' at ${s.tok.start} to '${to}'` };
};

const TYPES = new Set(TYPE_NAMES);
const swapType: Op = (text, rng) => {
  const s = siteTokens(text, rng, (t) => isIdentifier(t) && TYPES.has(t.text));
  if (!s) return null;
  const to = pick(rng, TYPE_NAMES);
  return { text: splice(text, s.tok.start, s.tok.end, to), desc: `type '${s.tok.text}' at ${s.tok.start} to '${to}'` };
};

/** Nodes inside function bodies (so that kernel and helper code, not declarations, is edited). */
function bodyNodes(sf: ts.SourceFile, want: (n: ts.Node) => boolean): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node, inBody: boolean): void => {
    if (inBody && want(n)) out.push(n);
    n.forEachChild((c) => visit(c, inBody || ts.isBlock(n)));
  };
  for (const st of sf.statements) if (!ts.isImportDeclaration(st)) visit(st, false);
  return out;
}

const isValueExpr = (n: ts.Node): boolean =>
  (ts.isBinaryExpression(n) && !(n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment)) ||
  ts.isCallExpression(n) || ts.isParenthesizedExpression(n) || ts.isPrefixUnaryExpression(n) || ts.isElementAccessExpression(n) ||
  ts.isNumericLiteral(n) || ts.isConditionalExpression(n) || (ts.isIdentifier(n) && !ts.isPropertyAccessExpression(n.parent) && ts.isExpression(n));

const isBlockStatement = (n: ts.Node): boolean => ts.isStatement(n) && ts.isBlock(n.parent);

const NEST_EXPR: readonly (readonly [string, string, string])[] = [
  ['parens', '(', ')'],
  ['negations', '-(', ')'],
  ['plus signs', '+(', ')'],
  ['bitwise nots', '~(', ')'],
  ['Math.abs calls', 'Math.abs(', ')'],
  ['conditionals', '(true ? ', ' : 0)'],
];

const nestExpression: Op = (text, rng) => {
  const nodes = bodyNodes(parse(text), isValueExpr);
  if (nodes.length === 0) return null;
  const n = pick(rng, nodes);
  const d = pick(rng, NEST_DEPTHS);
  const src = text.slice(n.getStart(), n.end);
  let wrapped: string;
  let what: string;
  if (chance(rng, 0.2)) {
    // A long operator chain: (((e + 0) + 0) ...), or right-nested 0 + (0 + (... e)).
    const left = chance(rng, 0.5);
    wrapped = left ? `(${src}${' + 0'.repeat(d)})` : `(${'0 + ('.repeat(d)}${src}${')'.repeat(d)})`;
    what = left ? 'a left-deep + chain' : 'a right-nested + chain';
  } else {
    const [name, open, close] = pick(rng, NEST_EXPR);
    wrapped = `${open.repeat(d)}${src}${close.repeat(d)}`;
    what = name;
  }
  return { text: splice(text, n.getStart(), n.end, wrapped), desc: `wrap '${show(src)}' in ${d} ${what}` };
};

const NEST_STMT: readonly (readonly [string, string, string])[] = [
  ['blocks', '{ ', ' }'],
  ['ifs', 'if (true) { ', ' }'],
  ['one-trip loops', 'for (let q = 0; q < 1; q++) { ', ' }'],
  ['do-whiles', 'do { ', ' } while (false);'],
  ['else branches', 'if (false) { } else { ', ' }'],
];

const nestStatement: Op = (text, rng) => {
  const nodes = bodyNodes(parse(text), isBlockStatement);
  if (nodes.length === 0) return null;
  const n = pick(rng, nodes);
  const d = pick(rng, NEST_DEPTHS);
  const [name, open, close] = pick(rng, NEST_STMT);
  const src = text.slice(n.getStart(), n.end);
  return { text: splice(text, n.getStart(), n.end, `${open.repeat(d)}${src}${close.repeat(d)}`), desc: `wrap statement '${show(src)}' in ${d} ${name}` };
};

const duplicateStatement: Op = (text, rng) => {
  const nodes = bodyNodes(parse(text), isBlockStatement);
  if (nodes.length === 0) return null;
  const n = pick(rng, nodes);
  const src = text.slice(n.getStart(), n.end);
  return { text: splice(text, n.end, n.end, `\n${src}`), desc: `duplicate statement '${show(src)}'` };
};

const deleteStatement: Op = (text, rng) => {
  const nodes = bodyNodes(parse(text), isBlockStatement);
  if (nodes.length === 0) return null;
  const n = pick(rng, nodes);
  return { text: splice(text, n.getStart(), n.end, ''), desc: `delete statement '${show(text.slice(n.getStart(), n.end))}'` };
};

const swapStatements: Op = (text, rng) => {
  const nodes = bodyNodes(parse(text), isBlockStatement);
  const pairs = nodes.flatMap((n) => {
    const sibs = (n.parent as ts.Block).statements;
    const i = sibs.indexOf(n as ts.Statement);
    const next = sibs[i + 1];
    return next ? [[n, next] as const] : [];
  });
  if (pairs.length === 0) return null;
  const [a, b] = pick(rng, pairs);
  const at = text.slice(a.getStart(), a.end);
  const bt = text.slice(b.getStart(), b.end);
  const mid = text.slice(a.end, b.getStart());
  return { text: splice(text, a.getStart(), b.end, `${bt}${mid}${at}`), desc: `swap statements '${show(at)}' and '${show(bt)}'` };
};

/** An expression replaced by another expression of the file. */
const replaceExpression: Op = (text, rng) => {
  const nodes = bodyNodes(parse(text), isValueExpr);
  if (nodes.length < 2) return null;
  const n = pick(rng, nodes);
  const d = pick(rng, nodes);
  const src = text.slice(d.getStart(), d.end);
  return { text: splice(text, n.getStart(), n.end, `(${src})`), desc: `replace '${show(text.slice(n.getStart(), n.end))}' by '${show(src)}'` };
};

/** A statement of another seed file inserted after one of this one (atomics, barriers, shared memory…). */
const spliceStatement: Op = (text, rng, donors) => {
  if (donors.length === 0) return null;
  const donor = pick(rng, donors);
  const from = bodyNodes(parse(donor), isBlockStatement);
  const at = bodyNodes(parse(text), isBlockStatement);
  if (from.length === 0 || at.length === 0) return null;
  const d = pick(rng, from);
  const n = pick(rng, at);
  const src = donor.slice(d.getStart(), d.end);
  return { text: splice(text, n.end, n.end, `\n${src}`), desc: `splice in statement '${show(src)}'` };
};

/** A statement or an expression the language does not have, in a kernel or helper body. */
const foreignConstruct: Op = (text, rng) => {
  const sf = parse(text);
  if (chance(rng, 0.5)) {
    const at = bodyNodes(sf, isBlockStatement);
    if (at.length === 0) return null;
    const n = pick(rng, at);
    const s = pick(rng, FOREIGN_STATEMENTS);
    return { text: splice(text, n.end, n.end, `\n${s}`), desc: `insert '${s}'` };
  }
  const at = bodyNodes(sf, isValueExpr);
  if (at.length === 0) return null;
  const n = pick(rng, at);
  const e = pick(rng, FOREIGN_EXPRESSIONS);
  return { text: splice(text, n.getStart(), n.end, e), desc: `replace '${show(text.slice(n.getStart(), n.end))}' by '${e}'` };
};

/** A statement repeated hundreds to thousands of times: a huge body. */
const hugeBody: Op = (text, rng) => {
  const nodes = bodyNodes(parse(text), isBlockStatement);
  if (nodes.length === 0) return null;
  const n = pick(rng, nodes);
  const k = pick(rng, [100, 400, 1500]);
  const src = text.slice(n.getStart(), n.end);
  return { text: splice(text, n.end, n.end, `\n${src}`.repeat(k)), desc: `repeat statement '${show(src)}' ${k} times` };
};

const OPS: readonly (readonly [number, string, Op])[] = [
  [8, 'delete-token', deleteToken],
  [5, 'duplicate-token', duplicateToken],
  [6, 'swap-tokens', swapTokens],
  [9, 'replace-identifier', replaceIdentifier],
  [12, 'rename', renameDeclared],
  [10, 'operator', swapOperator],
  [12, 'literal', edgeLiteral],
  [4, 'type', swapType],
  [6, 'nest-expression', nestExpression],
  [5, 'nest-statement', nestStatement],
  [5, 'duplicate-statement', duplicateStatement],
  [3, 'delete-statement', deleteStatement],
  [3, 'swap-statements', swapStatements],
  [4, 'replace-expression', replaceExpression],
  [5, 'splice-statement', spliceStatement],
  [5, 'foreign-construct', foreignConstruct],
  [2, 'huge-body', hugeBody],
];

/** Applies one to four mutations to `text`. */
export function mutate(text: string, rng: Rng, donors: readonly string[] = []): Mutant {
  const count = weighted(rng, [[50, 1], [30, 2], [12, 3], [8, 4]] as const);
  const ops: string[] = [];
  let out = text;
  for (let tries = 0; ops.length < count && tries < count * 5; tries++) {
    const [, name, op] = weighted(rng, OPS.map((o) => [o[0], o] as const));
    let e: Edit;
    try {
      e = op(out, rng, donors);
    } catch {
      // TypeScript's own parser overflows its stack on some deeply nested mutants: try another edit.
      continue;
    }
    if (!e || e.text === out) continue;
    out = e.text;
    ops.push(`${name}: ${e.desc}`);
  }
  return { text: out, ops };
}

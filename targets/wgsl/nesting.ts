// Measures, on generated WGSL text, the two nesting depths Tint limits (Dawn's WGSL compiler;
// measured through Dawn and read from its sources, src/tint/lang/wgsl/reader/parser/parser.cc
// and src/tint/lang/wgsl/resolver/resolver.cc):
//  - parse depth: the parser recurses once per open bracket ( [ { and per prefix operator, and
//    stops at kMaxParseDepth = 128 ("maximum parser recursive depth reached"). Counting the
//    function's own brace, at most 127 levels are accepted (125 nested parentheses in a statement).
//  - statement depth: the resolver's kMaxStatementDepth = 127 ("statement nesting depth / chaining
//    length exceeds limit of 127"). The function body is depth 1, a statement is one deeper than
//    its block, the block of an if/loop/while one deeper than the statement, a continuing block
//    one deeper than the loop's body, and each `else if` one deeper than the if it chains to: 62
//    nested ifs, or an else-if chain of 124 arms, are the most it accepts.
// Measuring the text rather than the IR keeps the check exact whatever the printer spells.
// It relies on the printer's style: binary operators have spaces around them, prefix operators
// and template brackets (`bitcast<f32>`) do not. test/regress/limits.test.ts holds it to Dawn.

export const MAX_PARSE_DEPTH = 127;
export const MAX_STATEMENT_DEPTH = 127;

export interface Nesting {
  parse: number;
  statement: number;
}

interface Token {
  text: string;
  /** Whitespace right before it. */
  spaced: boolean;
}

const TOKEN =
  /\s*(\/\/[^\n]*|[A-Za-z_]\w*|0[xX][0-9a-fA-F]+[a-z]?|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?[a-z]?|->|&&|\|\||<<|>>|[<>!=]=|[-+*/%&|^~!<>=(){}[\],;:.@])/y;

function tokenize(code: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(code); m; m = TOKEN.exec(code)) {
    const text = m[1] ?? '';
    if (!text.startsWith('//')) out.push({ text, spaced: m[0].length > text.length });
  }
  return out;
}

const IDENT = /^[A-Za-z_]/;
/** Tokens after which `-`, `!`, `~`, `&`, `*` are binary (an operand just ended). */
const OPERAND_END = /^[\w)\]]/;
const KEYWORDS = new Set(['return', 'if', 'while', 'let', 'var', 'else']);
const PREFIX = new Set(['-', '!', '~', '&', '*']);
/** Tokens that continue a prefix operator's operand: its primary and postfix parts. */
const OPERAND_PART = /^[\w.([]/;
const COMPOUND = new Set(['if', 'loop', 'while', 'for', 'switch']);

interface Block {
  depth: number;
  /** Depth of the if statement this is the then/else block of. */
  ifDepth: number | null;
}

export function measureNesting(code: string): Nesting {
  const tokens = tokenize(code);
  let open = 0;
  let templates = 0;
  /** Parse depth of each prefix operator whose operand is still being read. */
  const prefixes: number[] = [];
  let parse = 0;
  const blocks: Block[] = [];
  let statement = 0;
  let next: Block | null = null;
  let closedIf: number | null = null;
  let inStruct = false;
  let prev: Token | undefined;
  for (const t of tokens) {
    const x = t.text;
    // Parse depth: open brackets, template lists and pending prefix operators.
    const prefix = PREFIX.has(x) && !(prev && OPERAND_END.test(prev.text) && !KEYWORDS.has(prev.text));
    while (!prefix && prefixes[prefixes.length - 1] === open + templates && !OPERAND_PART.test(x)) prefixes.pop();
    if (prefix) prefixes.push(open + templates);
    if (x === '(' || x === '[' || x === '{') open++;
    else if (x === ')' || x === ']' || x === '}') open--;
    else if (x === '<' && !t.spaced && prev && IDENT.test(prev.text)) templates++;
    else if (x === '>' && !t.spaced && templates > 0) templates--;
    parse = Math.max(parse, open + templates + prefixes.length);

    // Statement depth, as Tint's resolver counts it.
    const top = blocks[blocks.length - 1]?.depth ?? 0;
    const startsStatement = blocks.length > 0 && (prev?.text === '{' || prev?.text === ';' || prev?.text === '}') && x !== 'else' && x !== '}';
    if (startsStatement) statement = Math.max(statement, top + 1);
    if (x === 'struct') inStruct = true;
    if (x === 'else') {
      // `} else {` is the same if's block; `} else if` chains one deeper.
      next = { depth: (closedIf ?? top) + 1, ifDepth: closedIf };
    } else if (COMPOUND.has(x) && prev?.text !== 'break') {
      const depth = x === 'if' && prev?.text === 'else' ? (closedIf ?? top) + 1 : top + 1;
      statement = Math.max(statement, depth);
      next = { depth: depth + 1, ifDepth: x === 'if' ? depth : null };
    } else if (x === 'continuing') {
      next = { depth: top + 1, ifDepth: null };
    } else if (x === '{') {
      // A function body is 1 (a struct body holds no statements); a bare block is its own statement.
      const block = next ?? { depth: blocks.length > 0 ? top + 1 : inStruct ? -1 : 1, ifDepth: null };
      blocks.push(block);
      statement = Math.max(statement, block.depth);
      next = null;
      inStruct = false;
    }
    if (x === '}') closedIf = blocks.pop()?.ifDepth ?? null;
    else if (x !== 'else') closedIf = x === 'if' && prev?.text === 'else' ? closedIf : null;
    prev = t;
  }
  return { parse, statement };
}

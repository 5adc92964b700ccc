// The token stream of a source text (TypeScript's own scanner), for token-level mutations.
import ts from 'typescript';

export interface Token {
  kind: ts.SyntaxKind;
  start: number;
  end: number;
  text: string;
}

export function tokenize(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  const out: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    out.push({ kind, start: scanner.getTokenStart(), end: scanner.getTokenEnd(), text: scanner.getTokenText() });
  }
  return out;
}

export const isIdentifier = (t: Token): boolean => t.kind === ts.SyntaxKind.Identifier;
export const isNumber = (t: Token): boolean => t.kind === ts.SyntaxKind.NumericLiteral || t.kind === ts.SyntaxKind.BigIntLiteral;
export const isPunctuation = (t: Token): boolean => t.kind >= ts.SyntaxKind.FirstPunctuation && t.kind <= ts.SyntaxKind.LastPunctuation;

/** `text` with [start, end) replaced. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

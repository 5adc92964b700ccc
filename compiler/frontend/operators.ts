// TypeScript operator tokens and the IR operators they become.
import { ts } from 'ts-morph';
import type { BinaryOp } from '../../core/ir/types.js';

const K = ts.SyntaxKind;

export const BINARY_OPS: Partial<Record<ts.SyntaxKind, BinaryOp | '**'>> = {
  [K.PlusToken]: '+',
  [K.MinusToken]: '-',
  [K.AsteriskToken]: '*',
  [K.SlashToken]: '/',
  [K.PercentToken]: '%',
  [K.AsteriskAsteriskToken]: '**',
  [K.AmpersandToken]: '&',
  [K.BarToken]: '|',
  [K.CaretToken]: '^',
  [K.LessThanLessThanToken]: '<<',
  [K.GreaterThanGreaterThanToken]: '>>',
  [K.GreaterThanGreaterThanGreaterThanToken]: '>>>',
  [K.LessThanToken]: '<',
  [K.LessThanEqualsToken]: '<=',
  [K.GreaterThanToken]: '>',
  [K.GreaterThanEqualsToken]: '>=',
  [K.EqualsEqualsToken]: '==',
  [K.EqualsEqualsEqualsToken]: '==',
  [K.ExclamationEqualsToken]: '!=',
  [K.ExclamationEqualsEqualsToken]: '!=',
  [K.AmpersandAmpersandToken]: '&&',
  [K.BarBarToken]: '||',
};

/** Compound assignment token → the binary operator it applies. */
export const COMPOUND_OPS: Partial<Record<ts.SyntaxKind, BinaryOp | '**'>> = {
  [K.PlusEqualsToken]: '+',
  [K.MinusEqualsToken]: '-',
  [K.AsteriskEqualsToken]: '*',
  [K.SlashEqualsToken]: '/',
  [K.PercentEqualsToken]: '%',
  [K.AsteriskAsteriskEqualsToken]: '**',
  [K.AmpersandEqualsToken]: '&',
  [K.BarEqualsToken]: '|',
  [K.CaretEqualsToken]: '^',
  [K.LessThanLessThanEqualsToken]: '<<',
  [K.GreaterThanGreaterThanEqualsToken]: '>>',
  [K.GreaterThanGreaterThanGreaterThanEqualsToken]: '>>>',
};

export function isAssignmentToken(kind: ts.SyntaxKind): boolean {
  return kind >= K.FirstAssignment && kind <= K.LastAssignment;
}

export const ARITH = new Set(['+', '-', '*', '/', '%']);
export const BITWISE = new Set(['&', '|', '^']);
export const SHIFTS = new Set(['<<', '>>', '>>>']);
export const COMPARE = new Set(['<', '<=', '>', '>=', '==', '!=']);
/** Operators whose integer-literal operands still form an adaptable literal expression. */
export const LITERAL_OPS = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '>>>']);

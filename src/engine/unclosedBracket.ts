// Finds the bracket a syntax error is really about. A parser gives up where the text stops making
// sense, which for a missing `}` is often lines below the `{` that was never closed.
import { tokenizer, tokTypes as tt, type Token } from 'acorn';

export interface OpenBracket {
  bracket: '{' | '(' | '[';
  line: number;
  /** 1-based. */
  column: number;
  offset: number;
}

const OPENERS = new Map<unknown, OpenBracket['bracket']>([
  [tt.braceL, '{'],
  [tt.dollarBraceL, '{'],
  [tt.parenL, '('],
  [tt.bracketL, '['],
]);
const CLOSERS = new Map<unknown, OpenBracket['bracket']>([
  [tt.braceR, '{'],
  [tt.parenR, '('],
  [tt.bracketR, '['],
]);

const indentOf = (lines: string[], line: number) => /^[ \t]*/.exec(lines[line - 1] ?? '')![0].length;

/**
 * The bracket that was opened and never closed, before `before` (an offset), or null when the
 * brackets balance. Indentation decides between candidates: a closer at the start of a line that
 * is indented less than its opener's line most likely belongs to an outer bracket, so the opener
 * it was matched with is the one missing its closer.
 */
export function findUnclosedBracket(source: string, before = source.length): OpenBracket | null {
  const tokens: Token[] = [];
  try {
    for (const token of tokenizer(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true })) tokens.push(token);
  } catch {
    // A token that cannot be read (an unterminated string): balance what was read before it.
  }
  const lines = source.split(/\r\n?|\n/);
  const stack: { open: OpenBracket; startsLine: boolean }[] = [];
  let unbalanced = false;
  let byIndent: OpenBracket | null = null;
  let mismatched: OpenBracket | null = null;
  let previousLine = 0;
  for (const token of tokens) {
    const line = token.loc!.start.line;
    const startsLine = line > previousLine;
    previousLine = token.loc!.end.line;
    const opens = OPENERS.get(token.type);
    if (opens) {
      stack.push({ open: { bracket: opens, line, column: token.loc!.start.column + 1, offset: token.start }, startsLine });
      continue;
    }
    const closes = CLOSERS.get(token.type);
    if (!closes) continue;
    const top = stack.pop();
    if (!top) {
      unbalanced = true;
      continue;
    }
    if (top.open.bracket !== closes) {
      unbalanced = true;
      mismatched ??= top.open;
    }
    const closerIndent = indentOf(lines, line);
    if (!byIndent && startsLine && line > top.open.line && closerIndent < indentOf(lines, top.open.line)) byIndent = top.open;
  }
  if (stack.length > 0) unbalanced = true;
  if (!unbalanced) return null;
  const found = byIndent ?? mismatched ?? stack.at(-1)?.open ?? null;
  return found && found.offset < before ? found : null;
}

/** A note for a syntax error message, e.g. "the { on line 2 is never closed". */
export function unclosedNote(open: OpenBracket): string {
  return `the ${open.bracket} on line ${open.line} is never closed`;
}

// Splits a pasted block holding several `export const condition … export const content` pairs
// into one step per pair, named after the comment line just above each pair.
import { tokenizer, type Token } from 'acorn';

export interface SplitStep {
  name: string;
  source: string;
}

const OPENERS = new Set(['{', '${', '(', '[']);
const CLOSERS = new Set(['}', ')', ']']);

/** Returns one entry per condition found at the top level; a block with none comes back whole. */
export function splitSteps(block: string, fallbackName = 'Step'): SplitStep[] {
  const comments: { start: number; end: number; text: string }[] = [];
  const starts: number[] = [];
  try {
    const tokens: Token[] = [];
    for (const token of tokenizer(block, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      onComment: (_block, text, start, end) => comments.push({ start, end, text }),
    })) {
      tokens.push(token);
    }
    let depth = 0;
    const valueAt = (i: number) => (tokens[i] as (Token & { value?: unknown }) | undefined)?.value;
    tokens.forEach((token, i) => {
      const label = token.type.label;
      if (OPENERS.has(label)) depth++;
      else if (CLOSERS.has(label)) depth--;
      else if (depth === 0 && valueAt(i) === 'export' && valueAt(i + 2) === 'condition') starts.push(token.start);
    });
  } catch {
    return [{ name: fallbackName, source: block }];
  }
  if (starts.length <= 1) return [{ name: nameFrom(commentAbove(block, comments, starts[0] ?? 0)) ?? fallbackName, source: block }];
  const cuts = starts.map((start) => {
    const comment = commentAbove(block, comments, start);
    return { cut: comment ? lineStart(block, comment.start) : lineStart(block, start), name: nameFrom(comment) };
  });
  return cuts.map(({ cut, name }, i) => ({
    name: name ?? `${fallbackName} ${i + 1}`,
    source: block.slice(i === 0 ? 0 : cut, cuts[i + 1]?.cut ?? block.length).trim() + '\n',
  }));
}

/** The comment that ends on the line directly above `position`, with only whitespace between. */
function commentAbove(block: string, comments: { start: number; end: number; text: string }[], position: number) {
  const before = comments.filter((c) => c.end <= position && block.slice(c.end, position).trim() === '');
  return before[before.length - 1];
}

function lineStart(block: string, position: number): number {
  return block.lastIndexOf('\n', position - 1) + 1;
}

/** `// Step 2: Validate order` names the step "Validate order"; the list already numbers steps. */
function nameFrom(comment: { text: string } | undefined): string | undefined {
  const text = comment?.text
    .split('\n')[0]
    .replace(/^\s*\*?\s*/, '')
    .trim();
  if (!text) return undefined;
  return text.replace(/^step\s*\d+\s*[:.)-]\s*/i, '').trim() || text;
}

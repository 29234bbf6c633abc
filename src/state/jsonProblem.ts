// Where JSON text goes wrong, as a line and column. Engines word JSON.parse errors differently and
// some give no position at all, so the text is read again here to find the first problem.
import { findUnclosedBracket, unclosedNote } from '../engine/unclosedBracket.ts';

export interface TextProblem {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as Monaco counts them. */
  column: number;
}

/** The 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - start + 1 };
}

/** Parses JSON text; a failure says what is wrong and where. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: TextProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: findJsonProblem(text) ?? { message: `Invalid JSON: ${(error as Error).message}`, line: 1, column: 1 } };
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'end';

/** The first problem in JSON text, or null when it is valid JSON. */
export function findJsonProblem(text: string): TextProblem | null {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let expect: Expect = 'value';
  const found = (offset: number): string => {
    if (offset >= text.length) return 'the end of the text';
    WORD.lastIndex = offset;
    const word = WORD.exec(text);
    return word ? `\`${word[0]}\`` : `\`${text[offset]}\``;
  };
  const fail = (offset: number, message: string): TextProblem => {
    const stopped = lineColumn(text, offset);
    // At the end or at a closing bracket, a bracket that was never closed is the real place.
    const open = offset >= text.length || '}]'.includes(text[offset]) ? findUnclosedBracket(text, offset + 1) : null;
    if (open)
      return { message: `Invalid JSON: ${message} at line ${stopped.line}:${stopped.column} (${unclosedNote(open)})`, line: open.line, column: open.column };
    return { message: `Invalid JSON: ${message}`, ...stopped };
  };
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-end' : 'end');
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    const c = text[i];
    if (i >= text.length) {
      if (expect === 'end') return null;
      return fail(
        i,
        expect === 'value' && stack.length === 0 ? 'the text is empty; write a JSON value such as {}' : 'the text ends before the JSON is complete',
      );
    }
    if (expect === 'end') return fail(i, `unexpected ${found(i)} after the end of the JSON value`);
    if (expect === 'colon') {
      if (c !== ':') return fail(i, `expected \`:\` after the property name, found ${found(i)}`);
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-end') {
      const top = stack[stack.length - 1];
      const close = top === '{' ? '}' : ']';
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if (c === close) {
        stack.pop();
        expect = afterValue();
      } else return fail(i, `expected \`,\` or \`${close}\` after ${top === '{' ? 'a property value' : 'an array item'}, found ${found(i)}`);
      i++;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-end') {
      if (c === '}' && expect === 'key-or-end') {
        stack.pop();
        expect = afterValue();
        i++;
        continue;
      }
      if (c === '}') return fail(i, 'a comma before `}` is not allowed in JSON');
      if (c === "'") return fail(i, 'JSON property names use double quotes, not single quotes');
      if (c !== '"') return fail(i, `expected a property name in double quotes, found ${found(i)}`);
      const end = readString(text, i);
      if (typeof end !== 'number') return fail(end.at, end.message);
      i = end;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === ']' && expect === 'value-or-end') {
      stack.pop();
      expect = afterValue();
      i++;
    } else if (c === ']' && stack[stack.length - 1] === '[') {
      return fail(i, 'a comma before `]` is not allowed in JSON');
    } else if (c === '{' || c === '[') {
      stack.push(c);
      expect = c === '{' ? 'key-or-end' : 'value-or-end';
      i++;
    } else if (c === '"') {
      const end = readString(text, i);
      if (typeof end !== 'number') return fail(end.at, end.message);
      i = end;
      expect = afterValue();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text);
      if (!number) return fail(i, `${found(i)} is not a number`);
      i += number[0].length;
      expect = afterValue();
    } else if (text.startsWith('true', i) || text.startsWith('null', i) || text.startsWith('false', i)) {
      i += text.startsWith('false', i) ? 5 : 4;
      expect = afterValue();
    } else if (c === "'") {
      return fail(i, 'JSON strings use double quotes, not single quotes');
    } else {
      return fail(i, `expected a value (a "string", number, object, array, true, false or null), found ${found(i)}`);
    }
  }
}

/** The offset after a string that starts at `start`, or what is wrong with it. */
function readString(text: string, start: number): number | { at: number; message: string } {
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '"') return j + 1;
    if (c === '\n' || c === '\r') return { at: start, message: 'this string is not closed before the end of its line' };
    if (c < ' ') return { at: j, message: 'a control character inside a string must be escaped' };
    if (c === '\\') {
      const next = text[j + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
      else if (next !== undefined && ESCAPES.has(next)) j++;
      else return { at: j, message: `\`\\${next ?? ''}\` is not an escape JSON knows` };
    }
  }
  return { at: start, message: 'this string is never closed' };
}

// Maps errors thrown by generated step functions back to a line and column in the step's source.

/** The line the generated function adds above the user's source (see moduleWrapper). */
export const PRELUDE_LINES = 1;
let lineOffset: number | null = null;

/**
 * How many lines the host's `new Function` puts before the body. V8 adds two header lines,
 * other engines may differ, so it is measured once rather than assumed.
 */
function measureLineOffset(): number {
  if (lineOffset !== null) return lineOffset;
  lineOffset = 2;
  try {
    new Function('"use strict";\nthrow new Error("calibrate")\n//# sourceURL=steplab-calibrate.js')();
  } catch (error) {
    const match = /steplab-calibrate\.js:(\d+):\d+/.exec(stackOf(error));
    if (match) lineOffset = Number(match[1]) - 2;
  }
  return lineOffset;
}

export function stackOf(error: unknown): string {
  const stack = (error as { stack?: unknown } | null)?.stack;
  return typeof stack === 'string' ? stack : '';
}

/** Finds the first stack frame in `sourceName` and returns its position in the user's source. */
export function locateInSource(error: unknown, sourceName: string): { line: number; column: number } | null {
  const escaped = sourceName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stackOf(error));
  if (!match) return null;
  const line = Number(match[1]) - measureLineOffset() - PRELUDE_LINES;
  return line >= 1 ? { line, column: Number(match[2]) } : null;
}

/** A readable message for anything thrown: Error messages, strings, or other values. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

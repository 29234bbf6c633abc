// Maps errors thrown by generated step functions back to a line and column in the step's source.

/** The line the loader adds above the user's source in each generated function (see loadStep). */
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
  // Step code can throw anything, including a Proxy whose every trap throws or an object whose
  // getters throw: describing it must never throw in turn.
  try {
    if (error instanceof Error) return String(error.message || error.name || 'Error');
    if (typeof error === 'string') return error;
    if (typeof error === 'symbol' || typeof error === 'bigint') return `${String(error)} was thrown`;
    if (error === null || error === undefined) return `${String(error)} was thrown`;
    const json = JSON.stringify(error);
    return json === undefined ? String(error) : `${json} was thrown`;
  } catch {
    return 'a value that cannot be read was thrown (its getters or proxy traps throw)';
  }
}

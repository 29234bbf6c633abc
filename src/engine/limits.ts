// Limits that are not workspace settings: caps on what a run may record besides task data.

/** Timer callbacks one step run may fire; a setInterval left running while the step awaits forever hits it. */
export const MAX_TIMER_FIRINGS = 10_000;
/** Characters kept of one log entry; the rest is cut with a note. */
export const MAX_LOG_CHARS = 10_000;
/** Bytes of log text and visualize data one run may record; later output is dropped with one warning. */
export const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** A limit stopped something; the message says which limit and what to change. */
export class LimitError extends Error {
  name = 'LimitError';
}

export const dataLimitMessage = (bytes: number, max: number, what: string) =>
  `task data is too large ${what}: ${bytes} bytes of JSON exceeds maxDataBytes (${max})`;

/** How a limit hit in another task is noted at the root (a warn log), so the root's summary can say so. */
export const LIMIT_NOTE_PREFIX = 'limit reached in task ';

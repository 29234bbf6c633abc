// Groups explored runs into classes of outcome: the status, the error with its numbers and ids
// masked, and the order the steps ran in with repeats folded (a loop of 3 or of 30 is one class).
import type { RunResult, TaskStatus } from '../types.ts';

export interface OutcomeClass {
  key: string;
  status: TaskStatus;
  /** The error, masked; null when the run did not fail. */
  error: string | null;
  /** The steps in the order they ran, consecutive repeats folded into `name ×n+`. */
  ran: string[];
}

/** Numbers, long hex ids and quoted values vary between runs of one failure; they are masked. */
export function maskMessage(message: string): string {
  return message
    .replace(/\b[0-9a-f]{8,}(-[0-9a-f]{4,})*\b/gi, '‹id›')
    .replace(/-?\d+(\.\d+)?/g, '‹n›')
    .slice(0, 300);
}

export function foldRan(ran: readonly string[]): string[] {
  const folded: string[] = [];
  for (let i = 0; i < ran.length;) {
    let j = i;
    while (j < ran.length && ran[j] === ran[i]) j++;
    folded.push(j - i > 1 ? `${ran[i]} ×2+` : ran[i]);
    i = j;
  }
  return folded;
}

export function classOf(run: Pick<RunResult, 'status' | 'error' | 'ran'>): OutcomeClass {
  const error = run.error ? maskMessage(run.error.step ? `${run.error.step}: ${run.error.message}` : run.error.message) : null;
  const ran = foldRan(run.ran);
  return { key: `${run.status}\u0000${error ?? ''}\u0000${ran.join('\u0001')}`, status: run.status, error, ran };
}

// Wall-clock milliseconds for measuring CPU time, never for the run's own (virtual) time.
import type { RunHost } from './runApi.ts';

/** The host's clock if given, else `performance.now()` where there is one, else `Date.now()`. */
export function wallClock(host: RunHost): () => number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return host.now ?? (perf ? () => perf.now() : () => Date.now());
}

// Resolves once the page has been quiet for a while: idle callbacks with a full deadline, back to
// back, for `quietMs` (any frame or task in between starts the count again), or after `maxMs`.
const FULL_DEADLINE_MS = 40;

export function whenQuiet(quietMs: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!('requestIdleCallback' in window)) {
      setTimeout(resolve, Math.min(quietMs, maxMs));
      return;
    }
    const giveUp = setTimeout(resolve, maxMs);
    let since = performance.now();
    const check = (deadline: IdleDeadline) => {
      const now = performance.now();
      if (deadline.timeRemaining() < FULL_DEADLINE_MS) since = now;
      if (now - since >= quietMs) {
        clearTimeout(giveUp);
        resolve();
      } else requestIdleCallback(check);
    };
    requestIdleCallback(check);
  });
}

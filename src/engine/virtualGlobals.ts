// Deterministic stand-ins for Date and Math.random, driven by the run's virtual clock and seed.
import { DATE_TYPE_MARK } from './conditionTypes.ts';

/** A Date class whose "now" is the virtual clock. `new Date(x)` and the rest behave normally. */
export function createVirtualDate(now: () => number): DateConstructor {
  const RealDate = Date;
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string]));
    }
    static now(): number {
      return now();
    }
    // `Date` in a step's condition is this class; the condition compiler recognizes it by this mark.
    static readonly [DATE_TYPE_MARK] = true;
  }
  // Calling Date() without `new` returns a string in JavaScript; keep that for the virtual clock.
  const callable = new Proxy(VirtualDate, {
    apply: () => new RealDate(now()).toString(),
  });
  return callable as unknown as DateConstructor;
}

/** mulberry32: a small, well-distributed 32-bit PRNG; the same seed gives the same sequence. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Math with a seeded random; every other member is the real one. */
export function createSeededMath(random: () => number): Math {
  const seeded = Object.create(Math) as Math;
  Object.defineProperty(seeded, 'random', { value: random });
  return seeded;
}

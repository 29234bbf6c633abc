// Deterministic stand-ins for Date and Math.random, driven by the run's virtual clock and seed.
import { DATE_TYPE_MARK } from './conditionTypes.ts';

/**
 * The real Date behind a proxy whose "now" is the virtual clock. `new Date(x)` and the rest behave
 * normally, and dates made with it are real Dates. A proxy, not a subclass: a class made per run
 * gets its own hidden classes, which V8 keeps in the old generation, and from there they kept
 * every run's young objects alive through minor GCs.
 */
export function createVirtualDate(now: () => number): DateConstructor {
  const RealDate = Date;
  const virtualNow = () => now();
  const proxy: DateConstructor = new Proxy(RealDate, {
    // `new Date()` itself is built directly: Reflect.construct with the proxy as newTarget reads
    // `prototype` through the get trap, which made every `new Date()` in a step ~7x slower.
    construct: (target, args, newTarget) =>
      newTarget === proxy
        ? args.length === 0
          ? new RealDate(now())
          : new RealDate(...(args as [string]))
        : Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    // Calling Date() without `new` returns a string in JavaScript; keep that for the virtual clock.
    apply: () => new RealDate(now()).toString(),
    get(target, key, receiver) {
      if (key === 'now') return virtualNow;
      // `Date` in a step's condition is this proxy; the condition compiler recognizes it by this mark.
      if (key === DATE_TYPE_MARK) return true;
      return Reflect.get(target, key, receiver);
    },
  });
  return proxy;
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

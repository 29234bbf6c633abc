// What the sizer (dataSize.ts) learns from drafts: where each copy came from, and which
// containers a draft changed in place, with their old entries.

/** An entry the undo log records as missing. */
export const ABSENT: unique symbol = Symbol('absent');

/** Where a finalized copy came from: its base, and the only keys at which the two can differ. */
export interface CopyOrigin {
  base: object;
  keys: ReadonlySet<string>;
}

/** A container changed in place: the entries it had at changed keys, and its old length. */
export interface InPlaceOrigin {
  keys: ReadonlySet<string>;
  undo: ReadonlyMap<string, unknown>;
  oldLength: number;
}

// Keyed weakly by the copies themselves, so dataSize can size a copy from its base's cached size
// plus the changed keys. Taking an origin removes it: otherwise each version of the data would
// keep the one before it alive, through its origin's base, for as long as it lives.
export const origins = new WeakMap<object, CopyOrigin>();

/**
 * Containers whose size a sizer remembers. Only a copy of one of these can be sized from its
 * base, so only such copies get an origin: most containers a step copies are small, and for
 * them the WeakMap entry (and the identity hash it gives the copy) was pure cost.
 */
export const sizedBases = new WeakSet<object>();

/** Marks a container whose size a sizer cached (see dataSize.ts). */
export function markSized(container: object): void {
  sizedBases.add(container);
}

/** Takes (once) the origin of a container a draft copied, if it is one (see dataSize.ts). */
export function takeOrigin(copy: object): CopyOrigin | undefined {
  const origin = origins.get(copy);
  if (origin) origins.delete(copy);
  return origin;
}

// Containers a finalized draft changed in place, children before parents, until the next sizing;
// `null` for one a failed step put back, whose cached size must be forgotten.
let pending: [object, InPlaceOrigin | null][] = [];

export function pendInPlace(container: object, origin: InPlaceOrigin | null): void {
  pending.push([container, origin]);
}

/** Takes the containers changed in place since the last call, children first. */
export function takeInPlace(): [object, InPlaceOrigin | null][] {
  if (pending.length === 0) return pending;
  const taken = pending;
  pending = [];
  return taken;
}

// The copy decision of a JSON draft (jsonDraft.ts): a node is copied before its first write, or,
// when it is a large container its task copied before, changed in place with an undo log.
//
// Only the task's data reaches such a copy: data takes in fresh JSON copies only
// (DataGuard.commit), and a copy leaves the data only into an inverse patch, after which no
// draft reaches it. A node leaving the data mid-step, or an object losing a key, becomes a plain
// copy again, so a failed step is undone exactly, key order included.
import { ABSENT, origins, pendInPlace, sizedBases } from './draftOrigins.ts';
import { attached, hasOwn, lengthOf, NO_KEYS, touch, type Container, type DraftState } from './draftState.ts';

export interface InPlace {
  /** Whether a container at this path may change in place: nothing keeps reading its old values (readIndex.ts). */
  allowedAt(path: readonly string[]): boolean;
  /** Containers with at least this many entries are worth it (a WeakSet entry costs more than copying a few). */
  minEntries?: number;
}

const MIN_ENTRIES = 64;

/** Large copies step drafts made, once their task's data held them; one set serves every task and run, as only that data reaches each. */
export const owned = new WeakSet<object>();

/** Whether a copy is worth changing in place later. `base`: what it copied, which a sizer marked if it was not tiny. */
export function isLarge(copy: object, base: object, inPlace: InPlace): boolean {
  const min = inPlace.minEntries ?? MIN_ENTRIES;
  if (Array.isArray(copy)) return copy.length >= min;
  // Listing the keys of every small object a step copies would cost more than the copies.
  return (min <= 1 || sizedBases.has(base)) && Object.keys(copy).length >= min;
}

/** Copies a node before its first write and links the copy into its parent, if still attached. */
export function ensureCopy(state: DraftState): Container {
  if (state.copy) return state.copy;
  if (state.root.finished) throw new TypeError('the step has finished: its data can no longer be changed');
  if (changesInPlace(state)) {
    state.copy = state.base;
    state.undo = new Map();
    if (state.isArray) state.oldLength = lengthOf(state.base);
    (state.root.changedInPlace ??= []).push(state);
  } else {
    state.copy = shallowCopy(state);
    // The base is sized by now if a DataGuard committed it; its own origin must not chain the
    // versions before it to this copy's (when nothing sized it, sizing it later walks it in full).
    origins.delete(state.base);
  }
  (state.root.owners ??= new Map()).set(state.copy, state);
  if (state.parent && attached(state)) {
    put(state.parent, state.key, state.copy);
    touch(state.parent, state.key);
  }
  return state.copy;
}

/** A large container this task copied before, on a path no verdict cache reads old values of. */
function changesInPlace(state: DraftState): boolean {
  const { inPlace } = state.root;
  if (!inPlace || !owned.has(state.base)) return false;
  const path: string[] = [];
  for (let s: DraftState = state; s.parent; s = s.parent) {
    if (!attached(s)) return false;
    path.push(s.key);
  }
  return inPlace.allowedAt(path.reverse());
}

// slice() is the fastest shallow copy of a long array (about 3x spread's speed at 5,000 items).
const shallowCopy = (state: DraftState): Container => (state.isArray ? (state.base as unknown as unknown[]).slice() : { ...state.base }) as Container;

/** In place, the entry a key held before the step goes to the undo log (once, before its first change). */
export function logOld(state: DraftState, key: string): void {
  if (!state.undo || state.undo.has(key)) return;
  const container = state.copy!;
  state.undo.set(key, hasOwn(container, key) ? container[key] : ABSENT);
}

/** Sets a key of a node's copy; in place, its old entry goes to the undo log first. */
export function put(state: DraftState, key: string, value: unknown): void {
  const copy = ensureCopy(state);
  logOld(state, key);
  copy[key] = value;
}

/** Restores a node changed in place to what it was before the step. */
export function undoInPlace(state: DraftState): void {
  const container = state.base;
  for (const [key, value] of state.undo ?? []) {
    if (value === ABSENT) delete container[key];
    else container[key] = value;
  }
  if (state.isArray) (container as unknown as unknown[]).length = state.oldLength;
  state.undo = null;
}

/** Turns a node changed in place back into a copy of what the step made of it, with the container put back. */
export function toCopy(state: DraftState): Container {
  const copy = shallowCopy(state);
  undoInPlace(state);
  const list = state.root.changedInPlace!;
  list.splice(list.indexOf(state), 1);
  state.root.owners!.delete(state.base);
  state.root.owners!.set(copy, state);
  state.copy = copy;
  return copy;
}

/**
 * A node leaving the data mid-step (its key was overwritten or deleted) must not keep changes in
 * place: the old value is what the inverse patch holds. Each such node in its subtree gets a copy
 * of what the step made of it, and the container is put back as it was.
 */
export function detach(state: DraftState): void {
  if (state.undo) toCopy(state);
  for (const child of state.children?.values() ?? []) {
    const before = child.copy;
    detach(child);
    if (before && state.copy && state.copy[child.key] === before) state.copy[child.key] = child.copy;
  }
}

/** Notes how short an array was made; in place, the entries a shorter length drops go to the undo log first. */
export function truncate(state: DraftState, length: unknown): void {
  const copy = ensureCopy(state);
  if (typeof length !== 'number') return;
  const shortest = Math.min(lengthOf(copy), length);
  state.minLength = state.minLength < 0 ? shortest : Math.min(state.minLength, shortest);
  if (!state.undo) return;
  for (let i = Math.max(0, length); i < lengthOf(copy); i++) logOld(state, String(i));
}

/** After diffing a node (children first): a node changed in place tells the sizer, a large copy becomes the task's. */
export function settle(state: DraftState): void {
  if (!state.root.inPlace) return;
  if (state.undo) pendInPlace(state.copy!, { keys: state.touched ?? NO_KEYS, undo: state.undo, oldLength: state.oldLength });
  else if (isLarge(state.copy!, state.base, state.root.inPlace)) owned.add(state.copy!);
}

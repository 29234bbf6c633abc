// A copy-on-write draft of JSON task data. Reads hand out child drafts; the first write to a
// node copies it and its ancestors. Finalizing diffs only the touched keys of copied nodes, so
// the cost follows what a step changed, not the size of the data. Patches are property sets
// and deletes (arrays' `length` included); replaying them in order, with applyJsonPatches,
// rebuilds the new data, and replaying the inverse list restores the old data.
//
// Copying a node costs its size, so a step that wrote one row of 5,000 paid for 5,000. A step's
// draft may therefore change in place a large container an earlier step of its task copied
// (draftCopy.ts). Its old entries go to an undo log, which gives the same patches a copy would,
// and puts everything back if the step fails.
import { MAX_JSON_DEPTH } from './jsonValue.ts';
import type { JsonObject, Patch } from './types.ts';
import { detach, ensureCopy, logOld, put, settle, toCopy, truncate, undoInPlace, type InPlace } from './draftCopy.ts';
import { ABSENT, origins, pendInPlace, sizedBases } from './draftOrigins.ts';
import { attached, current, hasOwn, isContainer, lengthOf, NO_KEYS, touch, type Container, type DraftState, type Key, type RootState } from './draftState.ts';

export type { InPlace } from './draftCopy.ts';

const STATE = Symbol('draft state');
const INDEX = /^(0|[1-9]\d*)$/;
/** The draft state behind a value, if the value is a draft. */
const draftOf = (value: unknown): DraftState | undefined => (isContainer(value) ? (value as { [STATE]?: DraftState })[STATE] : undefined);

export interface JsonDraft {
  draft: Record<string, unknown>;
  /** Ends the draft: the new data (the same object when nothing changed), patches and inverse patches. */
  finalize(): [JsonObject, Patch[], Patch[]];
  /** Puts back what the draft changed in place, after or instead of finalize, and ends the draft: the step's changes are dropped. */
  revert(): void;
}

/** `inPlace`: a step's draft, which may change large containers its task copied before (see above). */
export function createJsonDraft(base: JsonObject, inPlace?: InPlace): JsonDraft {
  const root: RootState = { finished: false, owners: null, inPlace: inPlace ?? null, changedInPlace: null };
  const top = newState(base as Container, null, '', root);
  return {
    draft: top.proxy as Record<string, unknown>,
    finalize() {
      root.finished = true;
      if (!top.copy) return [base, [], []];
      resolveCopies(top, new Set(), root);
      const patches: Patch[] = [];
      const inverse: Patch[] = [];
      diff(top, [], patches, inverse);
      for (const [copy, state] of root.owners!) {
        if (state.undo) continue;
        if (sizedBases.has(state.base)) origins.set(copy, { base: state.base, keys: state.touched ?? NO_KEYS });
      }
      return [top.copy as JsonObject, patches, inverse];
    },
    revert() {
      // Code of an aborted step may still run; its writes must not reach the data again.
      root.finished = true;
      for (const state of root.changedInPlace ?? []) {
        undoInPlace(state);
        // A sizer may have sized the new version already (a step over maxDataBytes is reverted after).
        pendInPlace(state.base, null);
      }
      root.changedInPlace = null;
    },
  };
}

function newState(base: Container, parent: DraftState | null, key: string, root: RootState): DraftState {
  const isArray = Array.isArray(base);
  const state = {
    base,
    copy: null,
    parent,
    key,
    isArray,
    children: null,
    touched: null,
    assigned: null,
    root,
    undo: null,
    oldLength: 0,
    minLength: -1,
  } as unknown as DraftState;
  const target = (isArray ? [] : {}) as Container & { [STATE]?: DraftState };
  target[STATE] = state;
  state.proxy = new Proxy(target, HANDLER);
  return state;
}

function write(state: DraftState, prop: string, value: unknown): void {
  if (state.root.finished) throw new TypeError('the step has finished: its data can no longer be changed');
  // JSON has no undefined: `data.x = undefined` removes the key (in an array it is stored as null).
  if (value === undefined && !state.isArray) return remove(state, prop);
  const target = current(state);
  if (hasOwn(target, prop) && target[prop] === value) return;
  forget(state, prop);
  if (state.isArray && prop === 'length') truncate(state, value);
  put(state, prop, value);
  touch(state, prop);
  (state.assigned ??= new Set()).add(prop);
}

/** Drops the child draft at a key about to be overwritten or deleted. */
function forget(state: DraftState, prop: string): void {
  const child = state.children?.get(prop);
  if (!child) return;
  if (state.root.changedInPlace) detach(child);
  state.children!.delete(prop);
}

function remove(state: DraftState, prop: string): void {
  if (state.root.finished) throw new TypeError('the step has finished: its data can no longer be changed');
  if (!hasOwn(current(state), prop)) return;
  forget(state, prop);
  let copy = ensureCopy(state);
  // Putting a deleted key back would move it to the end of its object: an object that loses a
  // key becomes a copy, so a failed step leaves its keys in their order.
  if (state.undo && !state.isArray) {
    copy = toCopy(state);
    if (state.parent && attached(state)) put(state.parent, state.key, copy);
  }
  logOld(state, prop);
  delete copy[prop];
  touch(state, prop);
  state.assigned?.delete(prop);
}

function read(state: DraftState, prop: string): unknown {
  const child = state.children?.get(prop);
  if (child) return child.proxy;
  const target = current(state);
  const value = target[prop];
  if (!isContainer(value) || state.assigned?.has(prop) || !hasOwn(target, prop)) return value;
  const created = newState(value, state, prop, state.root);
  (state.children ??= new Map()).set(prop, created);
  return created.proxy;
}

const stateOf = (target: Container) => (target as { [STATE]?: DraftState })[STATE]!;

/** One handler for every draft: the state rides on the proxy's (otherwise unused) target. */
const HANDLER: ProxyHandler<Container> = {
  get(t, prop) {
    if (prop === STATE) return stateOf(t);
    return typeof prop === 'symbol' ? Reflect.get(current(stateOf(t)), prop) : read(stateOf(t), prop);
  },
  set(t, prop, value) {
    if (typeof prop === 'symbol') return false;
    write(stateOf(t), prop, value);
    return true;
  },
  deleteProperty(t, prop) {
    if (typeof prop !== 'symbol') remove(stateOf(t), prop);
    return typeof prop !== 'symbol';
  },
  has: (t, prop) => prop in current(stateOf(t)),
  ownKeys: (t) => Reflect.ownKeys(current(stateOf(t))),
  getOwnPropertyDescriptor(t, prop) {
    const state = stateOf(t);
    const desc = Reflect.getOwnPropertyDescriptor(current(state), prop);
    if (!desc || typeof prop === 'symbol') return desc;
    if (state.isArray && prop === 'length') return desc;
    return { ...desc, configurable: true, value: read(state, prop) };
  },
  defineProperty(t, prop, desc) {
    if (typeof prop === 'symbol' || !('value' in desc)) return false;
    write(stateOf(t), prop, desc.value);
    return true;
  },
  getPrototypeOf: (t) => Object.getPrototypeOf(current(stateOf(t))),
  setPrototypeOf: () => false,
  preventExtensions: () => false,
};

/**
 * Swaps every draft reachable from the copied nodes for its plain data, in place. Only touched
 * keys are visited: an untouched key of a copy still holds its base value, which holds no draft.
 */
function resolveCopies(state: DraftState, seen: Set<object>, root: RootState): void {
  const copy = state.copy!;
  for (const key of state.touched ?? []) {
    if (hasOwn(copy, key)) copy[key] = resolveValue(copy[key], seen, root);
  }
}

function resolveValue(value: unknown, seen: Set<object>, root: RootState, depth = 0): unknown {
  // Deeper than data may nest: left as is, for toJsonValue to reject with the path.
  if (!isContainer(value) || seen.has(value) || depth > MAX_JSON_DEPTH) return value;
  seen.add(value);
  // A draft, or a draft's copy (put into its parent's copy on the first write): only what the
  // step touched in it is visited, so the cost follows the change, not the container's size.
  const state = draftOf(value) ?? root.owners?.get(value);
  if (state) {
    if (state.copy) resolveCopies(state, seen, root);
    return current(state);
  }
  // A container the step built itself: it may hold drafts anywhere inside.
  for (const key of Object.keys(value)) value[key] = resolveValue(value[key], seen, root, depth + 1);
  return value;
}

function diff(state: DraftState, path: Key[], patches: Patch[], inverse: Patch[]): void {
  const { base, copy, undo } = state;
  if (!copy) return;
  const baseLength = undo ? state.oldLength : state.isArray ? lengthOf(base) : 0;
  const lengthChanged = state.isArray && baseLength !== lengthOf(copy);
  // Entries a shorter length dropped, below the final length, are holes now: diffed as changed keys.
  for (let i = Math.max(state.minLength, 0); state.minLength >= 0 && i < Math.min(baseLength, lengthOf(copy)); i++) touch(state, String(i));
  if (lengthChanged) inverse.push({ op: 'replace', path: [...path, 'length'], value: baseLength });
  // A shorter length dropped entries no key names: the inverse puts them back.
  for (let i = lengthOf(copy); i < baseLength; i++) {
    const key = String(i);
    if (state.touched?.has(key)) continue;
    const old = undo?.has(key) ? undo.get(key) : base[key];
    if (old !== ABSENT && (undo?.has(key) || hasOwn(base, key))) inverse.push({ op: 'add', path: [...path, i], value: old });
  }
  for (const key of state.touched ?? []) {
    if (key === 'length' && state.isArray) continue;
    const k: Key = state.isArray && INDEX.test(key) ? Number(key) : key;
    // In place, the base is the copy: what a key held before is in the undo log, if it changed.
    const logged = undo !== null && undo.has(key);
    const old = logged ? undo.get(key) : undefined;
    const inBase = logged ? old !== ABSENT : hasOwn(base, key);
    const inCopy = hasOwn(copy, key);
    const before = logged ? (old === ABSENT ? undefined : old) : base[key];
    const after = copy[key];
    const child = state.children?.get(key);
    // A child changed in place is the same object before and after: it is compared by its own log.
    if (inBase && child && child.copy === after && child.base === before && (before !== after || child.undo)) {
      diff(child, [...path, k], patches, inverse);
      continue;
    }
    if (inBase && inCopy && before === after) continue;
    const at = [...path, k];
    if (inCopy) patches.push({ op: inBase ? 'replace' : 'add', path: at, value: after });
    else if (inBase) patches.push({ op: 'remove', path: at });
    if (inBase) inverse.push({ op: inCopy ? 'replace' : 'add', path: at, value: before });
    else if (inCopy) inverse.push({ op: 'remove', path: at });
  }
  if (lengthChanged) patches.push({ op: 'replace', path: [...path, 'length'], value: lengthOf(copy) });
  settle(state);
}

/** Applies patches from createJsonDraft, copying only the containers on their paths. */
export function applyJsonPatches<T extends JsonObject>(data: T, patches: readonly Patch[]): T {
  if (patches.length === 0) return data;
  const copied = new Set<object>();
  const top = { ...data } as Container;
  copied.add(top);
  for (const patch of patches) {
    let node = top;
    for (let i = 0; i < patch.path.length - 1; i++) {
      const key = patch.path[i];
      let child = node[key] as Container;
      if (!isContainer(child)) throw new Error(`patch path ${patch.path.join('.')} runs through a non-container`);
      if (!copied.has(child)) {
        child = (Array.isArray(child) ? [...child] : { ...child }) as Container;
        copied.add(child);
        node[key] = child;
      }
      node = child;
    }
    const last = patch.path[patch.path.length - 1];
    if (patch.op === 'remove') delete node[last];
    else node[last] = patch.value;
  }
  return top as T;
}

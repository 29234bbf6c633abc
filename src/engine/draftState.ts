// The state behind each node of a JSON draft (jsonDraft.ts), and the small helpers its parts share.
import type { InPlace } from './draftCopy.ts';

export type Container = Record<string | number, unknown>;
export type Key = string | number;

export interface DraftState {
  base: Container;
  copy: Container | null;
  parent: DraftState | null;
  key: string;
  isArray: boolean;
  /** Child drafts by key; created on first read of a child container. */
  children: Map<string, DraftState> | null;
  /** Keys written or deleted through this node, or whose child was copied. */
  touched: Set<string> | null;
  /** Keys the step assigned itself; their values are handed back raw, not drafted. */
  assigned: Set<string> | null;
  proxy: Container;
  root: RootState;
  /** In place only: the entries a write replaced, as they were (ABSENT if there was none). */
  undo: Map<string, unknown> | null;
  /** In place only, for arrays: the length before the step. */
  oldLength: number;
  /** For arrays: the shortest length the step set, or -1 (entries dropped then regrown are holes). */
  minLength: number;
}

export interface RootState {
  finished: boolean;
  /** Each draft's copy, back to its draft: finalize meets copies inside copied parents. */
  owners: Map<object, DraftState> | null;
  inPlace: InPlace | null;
  /** Nodes changing in place, in the order they started to. */
  changedInPlace: DraftState[] | null;
}

export const hasOwn = (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k);
export const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';
export const lengthOf = (c: Container) => (c as unknown as unknown[]).length;
export const NO_KEYS: ReadonlySet<string> = new Set();

export const current = (state: DraftState): Container => state.copy ?? state.base;
export const attached = (state: DraftState) => state.parent !== null && state.parent.children?.get(state.key) === state;
export const touch = (state: DraftState, key: string) => (state.touched ??= new Set()).add(key);

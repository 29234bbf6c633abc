// The error a condition that cannot be compiled throws, and how it names the place.
import { formatPath, type PathKey } from './paths.ts';

/** A condition that cannot be compiled; names the path and, where relevant, the operator. */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly operator: string | null = null,
  ) {
    super(message);
    this.name = 'ConditionError';
  }
}

/** Where an error is, as the author reads it: `order.total`, or the top level. */
export const describeWhere = (path: readonly PathKey[]) => (path.length === 0 ? 'the top level' : formatPath(path));

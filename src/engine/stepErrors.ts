// Turns whatever a step threw into a message with a line and column in that step's source.
import type { LoadedStep } from './loadStep.ts';
import { JsonValueError } from './jsonValue.ts';
import { LimitError } from './limits.ts';
import { StepApiError } from './stepGlobals.ts';
import { locateInSource, messageOf } from './sourceLocation.ts';
import type { SourceError } from './types.ts';

export function describeStepError(error: unknown, step: LoadedStep): SourceError {
  let where: ReturnType<typeof locateInSource> = null;
  let message: string;
  try {
    where = locateInSource(error, step.sourceName);
    const named =
      error instanceof Error &&
      error.name &&
      error.name !== 'Error' &&
      !(error instanceof StepApiError) &&
      !(error instanceof LimitError) &&
      !(error instanceof JsonValueError);
    message = named ? `${String(error.name)}: ${String(error.message)}` : messageOf(error);
  } catch {
    // A thrown Proxy or getter that throws: messageOf never throws.
    message = messageOf(error);
  }
  const mapped = where ? step.mapPosition(where.line, where.column) : null;
  return { message, line: mapped?.line ?? null, column: mapped?.column ?? null };
}

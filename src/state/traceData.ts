// The task data at any point of a trace, for the panels that show it. The engine builds the
// index once per events array; every reader shares it.
import { dataIndexOf, type DataIndex } from '../engine/traceFold.ts';
import type { TraceEvent } from '../engine/types.ts';

export type { DataIndex };

export const traceData = (events: readonly TraceEvent[]): DataIndex => dataIndexOf(events);

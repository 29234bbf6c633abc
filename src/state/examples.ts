// The shipped examples (examples/*.json), in menu order; the first visit opens the first one.
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';

const files = import.meta.glob('../../examples/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
const ORDER = [
  'sequential',
  'parallel',
  'branching',
  'aggregation',
  'retry-recovers',
  'retry-gives-up',
  'dynamic-routing',
  'enrichment',
  'bulk',
  'fallback',
  'execution-control',
  'throttling',
  'visualization',
  'execution-tracking',
  'best-practices',
];

export interface Example {
  id: string;
  workspace: Workspace;
}

export const EXAMPLES: Example[] = Object.entries(files)
  .map(([path, json]) => ({ id: path.replace(/^.*\//, '').replace(/\.json$/, ''), workspace: parseWorkspace(json) }))
  .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));

export const defaultExample = (): Workspace => structuredClone(EXAMPLES.find((e) => e.id === 'sequential')!.workspace);

// The engine's public surface.
export { compileCondition, explain, ConditionError, type CompiledCondition, type LeafResult } from './compileCondition.ts';
export { createRun, type Run, type RunHost, type RunOptions } from './createRun.ts';
export { loadStep, type LoadedStep } from './loadStep.ts';
export { splitSteps } from './splitSteps.ts';
export { parseWorkspace, WorkspaceError } from './workspace.ts';
export * from './types.ts';

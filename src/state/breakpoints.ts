// Breakpoints for live runs: before a step runs, when a condition starts matching, and when a
// data path changes (optionally to a given value).
import { create } from 'zustand';
import type { Json } from '../engine/types.ts';
import type { Breakpoints } from '../worker/breakpointTypes.ts';

export const useBreakpoints = create<Breakpoints>(() => ({ steps: [], conditions: [], data: [] }));

const toggle = (list: number[], i: number) => (list.includes(i) ? list.filter((x) => x !== i) : [...list, i]);

export function toggleStepBreakpoint(step: number): void {
  useBreakpoints.setState((s) => ({ steps: toggle(s.steps, step) }));
}

export function toggleConditionBreakpoint(step: number): void {
  useBreakpoints.setState((s) => ({ conditions: toggle(s.conditions, step) }));
}

export function setDataBreakpoint(path: string, value: Json | undefined): void {
  useBreakpoints.setState((s) => ({ data: [...s.data.filter((d) => d.path !== path), value === undefined ? { path } : { path, value }] }));
}

export function clearDataBreakpoint(path: string): void {
  useBreakpoints.setState((s) => ({ data: s.data.filter((d) => d.path !== path) }));
}

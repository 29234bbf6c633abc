// The step under the pointer in the graph: the data panel marks the paths it reads and writes.
import { create } from 'zustand';

export const useHover = create<{ step: number | null }>(() => ({ step: null }));

export const hoverStep = (step: number | null) => useHover.setState({ step });

// How the screen is used: editing (default), presenting to a room, or embedded in a page.
import { create } from 'zustand';

export type ViewMode = 'edit' | 'present' | 'embed';

export function modeFromSearch(search: string): ViewMode {
  const params = new URLSearchParams(search);
  if (params.has('embed')) return 'embed';
  if (params.has('present')) return 'present';
  return 'edit';
}

export const useViewMode = create<{ mode: ViewMode; pace: number }>(() => ({ mode: 'edit', pace: 1.5 }));

export const setViewMode = (mode: ViewMode) => useViewMode.setState({ mode });
export const setPace = (pace: number) => useViewMode.setState({ pace });

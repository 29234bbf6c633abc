// How the screen is used: editing (default), presenting to a room, or embedded in a page; and
// the one playback speed every player uses.
import { create } from 'zustand';

export type ViewMode = 'edit' | 'present' | 'embed';

export function modeFromSearch(search: string): ViewMode {
  const params = new URLSearchParams(search);
  if (params.has('embed')) return 'embed';
  if (params.has('present')) return 'present';
  return 'edit';
}

/** Playback speeds; 1× is 0.6 s per step run. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4];
export const msPerStep = (speed: number) => 600 / speed;

export const useViewMode = create<{ mode: ViewMode; speed: number }>(() => ({ mode: 'edit', speed: 1 }));

/** Switches the view, and keeps `?present` in the address bar only while presenting. */
export function setViewMode(mode: ViewMode): void {
  useViewMode.setState({ mode });
  if (mode === 'embed' || typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  if (mode === 'present') url.searchParams.set('present', '');
  else url.searchParams.delete('present');
  const search = url.searchParams.toString().replace(/=(?=&|$)/g, '');
  history.replaceState(history.state, '', `${url.pathname}${search ? `?${search}` : ''}${url.hash}`);
}

export const setSpeed = (speed: number) => useViewMode.setState({ speed });

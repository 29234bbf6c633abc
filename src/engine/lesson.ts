// Lessons: an example may carry an ordered list of stops that a player walks through.
import { isPlainObject } from './plainValues.ts';

export interface LessonStop {
  /** An event's seq, or a step's name (its first run). */
  at: number | string;
  title: string;
  text: string;
  /** Step names and data paths to highlight at this stop. */
  highlight: string[];
}

export interface Lesson {
  title: string;
  stops: LessonStop[];
}

export class LessonError extends Error {
  name = 'LessonError';
}

/** Validates a lesson; the error names the stop and field that are wrong. */
export function parseLesson(value: unknown, where = 'lesson'): Lesson {
  if (!isPlainObject(value)) throw new LessonError(`${where}: expected { title, stops: [...] }`);
  if (typeof value.title !== 'string' || !value.title.trim()) throw new LessonError(`${where}.title: expected a title`);
  if (!Array.isArray(value.stops) || value.stops.length === 0) throw new LessonError(`${where}.stops: expected at least one stop`);
  const stops = value.stops.map((stop, i): LessonStop => {
    const at = `${where}.stops[${i}]`;
    if (!isPlainObject(stop)) throw new LessonError(`${at}: expected { at, title, text, highlight }`);
    const okAt = (typeof stop.at === 'number' && Number.isInteger(stop.at) && stop.at >= 0) || (typeof stop.at === 'string' && stop.at.trim() !== '');
    if (!okAt) throw new LessonError(`${at}.at: expected an event index (a whole number ≥ 0) or a step name`);
    if (typeof stop.title !== 'string' || !stop.title.trim()) throw new LessonError(`${at}.title: expected a title`);
    if (typeof stop.text !== 'string' || !stop.text.trim()) throw new LessonError(`${at}.text: expected the text to show`);
    const highlight = stop.highlight ?? [];
    if (!Array.isArray(highlight) || !highlight.every((h) => typeof h === 'string'))
      throw new LessonError(`${at}.highlight: expected a list of step names and data paths`);
    return { at: stop.at as number | string, title: stop.title, text: stop.text, highlight: highlight as string[] };
  });
  return { title: value.title, stops };
}

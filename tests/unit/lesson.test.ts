import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LessonError, parseLesson } from '../../src/engine/lesson.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { resolveStop } from '../../src/state/lessonPlayer.ts';
import { run } from './helpers.ts';

describe('lessons', () => {
  it('validate their shape with errors that name the stop and field', () => {
    const stop = { at: 'Validate', title: 'T', text: 'x', highlight: ['order.status'] };
    expect(parseLesson({ title: 'L', stops: [stop] }).stops[0]).toEqual(stop);
    expect(() => parseLesson({ title: 'L', stops: [] })).toThrow('lesson.stops: expected at least one stop');
    expect(() => parseLesson({ title: 'L', stops: [{ ...stop, at: -1 }] })).toThrow(
      'lesson.stops[0].at: expected an event index (a whole number ≥ 0) or a step name',
    );
    expect(() => parseLesson({ title: 'L', stops: [stop, { ...stop, highlight: [1] }] })).toThrow('lesson.stops[1].highlight');
    expect(() => parseLesson('nope')).toThrow(LessonError);
    expect(() => parseWorkspace({ steps: [], lesson: { title: '', stops: [stop] } })).toThrow('lesson: .title: expected a title');
  });

  it('every example has a lesson whose stops all resolve to a moment of its first task’s run', async () => {
    const dir = new URL('../../examples/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const ws = parseWorkspace(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      expect(ws.lesson, file).toBeDefined();
      const result = await run(ws);
      const names = ws.steps.map((s) => s.name);
      for (const stop of ws.lesson!.stops) {
        expect([file, stop.title, resolveStop(stop, result.events, names)]).not.toEqual([file, stop.title, null]);
        for (const h of stop.highlight) expect([file, h, names.includes(h) || /^[\w.]+$/.test(h)]).toEqual([file, h, true]);
      }
    }
  });
});

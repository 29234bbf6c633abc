// Writes examples/*.json from scripts/exampleSpecs.ts. A unit test checks the files are current.
import { writeFileSync } from 'node:fs';
import { EXAMPLES, type ExampleSpec } from './exampleSpecs.ts';
import { DEFAULT_LIMITS, DEFAULT_START_TIME, type Workspace } from '../src/engine/types.ts';
import { LESSONS } from './lessons.ts';
import type { Expectation } from '../src/engine/expectation.ts';
import type { JsonObject, TaskDef } from '../src/engine/types.ts';
// What each example's tasks should end in is written once, with the tests that also use it.
import { EXAMPLE_EXPECTATIONS } from '../tests/exampleExpectations.ts';

/** A task with its expectation: the intended status, and its data paths as a condition pattern. */
function withExpectation(file: string, task: TaskDef): TaskDef {
  const intent = EXAMPLE_EXPECTATIONS[file]?.[task.name];
  if (!intent) throw new Error(`${file}: task ${JSON.stringify(task.name)} has no entry in tests/exampleExpectations.ts`);
  const expectation: Expectation = { status: intent.status as Expectation['status'] };
  if (intent.data) {
    const data: JsonObject = {};
    for (const [path, value] of Object.entries(intent.data)) data[path] = value === undefined ? { $exists: false } : (value as JsonObject[string]);
    expectation.data = data;
  }
  if (intent.ran) expectation.ran = intent.ran;
  return { ...task, expect: expectation };
}

export function exampleWorkspace(spec: ExampleSpec): Workspace {
  return {
    version: 1,
    name: spec.name,
    description: spec.description,
    steps: spec.steps,
    tasks: spec.tasks.map((task) => withExpectation(spec.file, task)),
    connectors: spec.connectors ?? {},
    config: {},
    seed: 1,
    startTime: DEFAULT_START_TIME,
    limits: DEFAULT_LIMITS,
    ...(LESSONS[spec.file] ? { lesson: LESSONS[spec.file] } : {}),
  };
}

export const serializeExample = (spec: ExampleSpec) => `${JSON.stringify(exampleWorkspace(spec), null, 2)}\n`;

if (process.argv[1]?.endsWith('buildExamples.ts')) {
  for (const spec of EXAMPLES) writeFileSync(new URL(`../examples/${spec.file}`, import.meta.url), serializeExample(spec));
  console.log(`wrote ${EXAMPLES.length} examples`);
}

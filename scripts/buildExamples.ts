// Writes examples/*.json from scripts/exampleSpecs.ts. A unit test checks the files are current.
import { writeFileSync } from 'node:fs';
import { EXAMPLES, type ExampleSpec } from './exampleSpecs.ts';
import { DEFAULT_LIMITS, DEFAULT_START_TIME, type Workspace } from '../src/engine/types.ts';
import { LESSONS } from './lessons.ts';

export function exampleWorkspace(spec: ExampleSpec): Workspace {
  return {
    version: 1,
    name: spec.name,
    description: spec.description,
    steps: spec.steps,
    tasks: spec.tasks,
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

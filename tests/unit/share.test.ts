import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { decodeShareHash, encodeShareHash, ShareLinkError } from '../../src/share/shareLink.ts';
import { workspaceFromFolder, workspaceToFolder } from '../../src/share/stepFolder.ts';
import { workspaceFromFile, workspaceToFile } from '../../src/share/workspaceFile.ts';
import { workspaceFromZip, workspaceToZip } from '../../src/share/stepZip.ts';

const dir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, parseWorkspace(JSON.parse(readFileSync(new URL(f, dir), 'utf8')))] as const);
const portable = (ws: ReturnType<typeof parseWorkspace>) => ({
  steps: ws.steps.map((s) => ({ name: s.name, source: s.source })),
  tasks: ws.tasks,
  connectors: ws.connectors,
  config: ws.config,
});

describe('share links', () => {
  it('round-trip every example through #v1/', () => {
    for (const [, ws] of examples) expect(decodeShareHash(encodeShareHash(ws))).toEqual(ws);
  });

  it("carry each task's expectation through a link, a workspace file and a step folder", () => {
    const ws = examples.find(([f]) => f === 'sequential.json')![1];
    expect(ws.tasks[0].expect?.ran).toEqual(['Initialize processing', 'Validate order', 'Process validated order']);
    expect(decodeShareHash(encodeShareHash(ws)).tasks).toEqual(ws.tasks);
    expect(workspaceFromFile(workspaceToFile(ws), 'w.json').tasks).toEqual(ws.tasks);
    const folder = workspaceToFolder(ws);
    expect(JSON.parse(folder['tasks.json'] as string)[0].expect.status).toBe('done');
    expect(workspaceFromFolder(folder, ws.name).tasks).toEqual(ws.tasks);
    const bad = { ...folder, 'tasks.json': JSON.stringify([{ name: 'T', data: {}, expect: { status: 'done', ran: 'x' } }]) };
    expect(() => workspaceFromFolder(bad, ws.name)).toThrow(/tasks\[0\] \("T"\)\.expect: ran: expected an array of step names/);
  });

  it('explain what is wrong with a bad link', () => {
    const good = encodeShareHash(examples[0][1]);
    expect(() => decodeShareHash(good.slice(0, good.length / 2))).toThrow(/damaged or cut short/);
    expect(() => decodeShareHash('#v2/abc')).toThrow('this link was made by a newer Steplab (format v2); this one reads v1 links');
    expect(() => decodeShareHash('#hello')).toThrow(/holds no Steplab workspace/);
  });

  it('never crash on random strings: a workspace or a ShareLinkError (1,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `#v1/${s}`),
          fc.string().map((s) => `#v1/${encodeShareHash(examples[0][1]).slice(4, 40)}${s}`),
        ),
        (hash) => {
          try {
            decodeShareHash(hash);
          } catch (error) {
            expect(error).toBeInstanceOf(ShareLinkError);
            expect((error as Error).message.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('step folders and ZIPs', () => {
  it('export then import gives back every example (names, order, sources, tasks, connectors, config)', () => {
    for (const [file, ws] of examples) {
      const viaFolder = workspaceFromFolder(workspaceToFolder(ws), ws.name);
      expect([file, portable(viaFolder)]).toEqual([file, portable(ws)]);
      const viaZip = workspaceFromZip(workspaceToZip(ws), `${ws.name}.zip`);
      expect([file, portable(viaZip)]).toEqual([file, portable(ws)]);
    }
  });

  it('names files so they sort in order and carry the step name', () => {
    const files = Object.keys(workspaceToFolder(examples.find(([f]) => f === 'sequential.json')![1]));
    expect(files).toEqual([
      '01-initialize-processing.js',
      '02-validate-order.js',
      '03-process-validated-order.js',
      'tasks.json',
      'connectors.json',
      'config.json',
      'steplab.json',
    ]);
  });

  it('reports a file that is not a ZIP', () => {
    expect(() => workspaceFromZip(new Uint8Array([1, 2, 3]), 'broken.zip')).toThrow(/broken\.zip is not a readable ZIP file/);
  });
});

// ZIP and folder round trips keep the whole workspace through the steplab.json manifest.
import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { workspaceFromFolder, workspaceToFolder } from '../../src/share/stepFolder.ts';
import { workspaceFromZip, workspaceToZip } from '../../src/share/stepZip.ts';

const dir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseWorkspace(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const biggest = [...examples].sort((a, b) => b.steps.length - a.steps.length)[0];

describe('steplab.json manifest', () => {
  it('a ZIP round trip gives back every example unchanged, lesson included', () => {
    for (const ws of examples) expect(workspaceFromZip(workspaceToZip(ws), 'renamed-by-the-browser.zip')).toEqual(ws);
  });

  it('keeps the name, disabled steps, seed, start time and limits', () => {
    const ws = parseWorkspace({ ...biggest, name: 'Mine', seed: 42, startTime: '2030-05-06T07:08:09.000Z', limits: { maxSteps: 77 } });
    ws.steps[1].enabled = false;
    const back = workspaceFromZip(workspaceToZip(ws), 'download (3).zip');
    expect(back).toEqual(ws);
    expect(back.steps.map((s) => s.enabled)).toContain(false);
  });

  it('a folder without a manifest still opens, named after the folder, every step on', () => {
    const files = workspaceToFolder(examples[0]);
    delete files['steplab.json'];
    const ws = workspaceFromFolder(files, 'plain-folder');
    expect(ws.name).toBe('plain-folder');
    expect(ws.steps.every((s) => s.enabled)).toBe(true);
    expect(ws.steps.map((s) => s.name)).toEqual(examples[0].steps.map((s) => s.name));
  });

  it('keeps the manifest order and appends .js files it does not list', () => {
    const files = workspaceToFolder(examples[0]);
    const manifest = JSON.parse(files['steplab.json']);
    manifest.steps.reverse();
    files['steplab.json'] = JSON.stringify(manifest);
    files['zz-extra.js'] = 'export const condition = { a: 1 };\nexport const content = async () => {};\n';
    const names = workspaceFromFolder(files, 'x').steps.map((s) => s.name);
    expect(names).toEqual([...examples[0].steps.map((s) => s.name).reverse(), 'zz-extra']);
  });

  it('a bad manifest is a clear error, and its bounds are checked', () => {
    const files = workspaceToFolder(examples[0]);
    expect(() => workspaceFromFolder({ ...files, 'steplab.json': '{"steps": 3}' }, 'x')).toThrow(/steplab\.json: "steps" must be a list/);
    expect(() => workspaceFromFolder({ ...files, 'steplab.json': '[' }, 'x')).toThrow(/steplab\.json is not valid JSON/);
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    expect(() => workspaceFromFolder({ ...files, 'steplab.json': deep }, 'x')).toThrow(/steplab\.json/);
    const zip = zipSync({
      'w/01-a.js': strToU8('export const condition = { a: 1 };\nexport const content = async () => {};\n'),
      'w/steplab.json': strToU8('{"name": "From manifest", "seed": "x"}'),
    });
    expect(() => workspaceFromZip(zip, 'w.zip')).toThrow(/seed/);
  });
});

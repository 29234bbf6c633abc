// Every way in is bounded: links, workspace and trace files, ZIPs and step files fail with a
// message that says what is too big or wrong, and never with a stack overflow or a hang.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import lzString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressUriBounded } from '../../src/share/boundedLz.ts';
import { decodeInput, type InputFile } from '../../src/share/decodeInput.ts';
import { encodeShareHash } from '../../src/share/shareLink.ts';
import { traceToFile } from '../../src/share/traceFile.ts';
import { run, step, workspace } from './helpers.ts';

const file = (name: string, content: string | Uint8Array): InputFile => {
  const bytes = typeof content === 'string' ? strToU8(content) : content;
  return {
    name,
    size: bytes.length,
    text: async () => (typeof content === 'string' ? content : new TextDecoder().decode(content)),
    arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer,
  };
};
const sized = (name: string, size: number): InputFile => ({ ...file(name, '{}'), size });
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const small = workspace([step('{ go: true }', 'data.done = true;')], { go: true });

describe('bounded lz-string', () => {
  it('decodes exactly what lz-string decodes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const packed = lzString.compressToEncodedURIComponent(text);
        expect(decompressUriBounded(packed, 1e6)).toBe(lzString.decompressFromEncodedURIComponent(packed));
      }),
      { numRuns: 400 },
    );
  });

  it('treats damaged input as lz-string does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABCDEFabcdef0123+-$'), maxLength: 60 }), (junk) => {
        expect(Boolean(decompressUriBounded(junk, 1e6))).toBe(Boolean(lzString.decompressFromEncodedURIComponent(junk)));
      }),
      { numRuns: 400 },
    );
  });
});

describe('decodeInput limits', () => {
  it('opens a share link as before', async () => {
    const decoded = await decodeInput({ kind: 'link', hash: encodeShareHash(small) });
    expect(decoded.kind === 'workspace' && decoded.workspace.steps[0].source).toBe(small.steps[0].source);
  });

  it('stops a small link that unpacks past 5 MB while unpacking', async () => {
    // 7 KB that unpacks to 8 MB (made once: compressing 8 MB with lz-string takes half a minute).
    const bomb = readFileSync(new URL('../fixtures/link-bomb.txt', import.meta.url), 'utf8').trim();
    expect(bomb.length).toBeLessThan(8_000);
    expect(lzString.decompressFromEncodedURIComponent(bomb.slice(4))?.length).toBeGreaterThan(8_000_000);
    await expect(decodeInput({ kind: 'link', hash: bomb })).rejects.toThrow(/too large: it unpacks to more than 5,242,880 characters/);
  });

  it('refuses a link far longer than any workspace needs before unpacking it', async () => {
    await expect(decodeInput({ kind: 'link', hash: `#v1/${'A'.repeat(6_000_000)}` })).rejects.toThrow(/characters long/);
  });

  it('refuses files over 20 MB before reading them', async () => {
    await expect(decodeInput({ kind: 'file', file: sized('big.steplab.json', 21 * 1024 * 1024) })).rejects.toThrow(
      'big.steplab.json is 21.0 MB; Steplab opens files of up to 20.0 MB',
    );
    await expect(decodeInput({ kind: 'zip', file: sized('big.zip', 30 * 1024 * 1024) })).rejects.toThrow('big.zip is 30.0 MB');
  });

  it('names the path where data nests deeper than 1,000 levels, in files, links and folders', async () => {
    const text = `{"steps":[],"tasks":[{"name":"Deep","data":${nested(100_000)}}]}`;
    await expect(decodeInput({ kind: 'file', file: file('deep.json', text) })).rejects.toThrow(
      /deep\.json\.tasks\[0\]\.data\.a\.a.*is nested more than 1000 levels deep/,
    );
    const hash = `#v1/${lzString.compressToEncodedURIComponent(text)}`;
    await expect(decodeInput({ kind: 'link', hash })).rejects.toThrow(/nested more than 1000 levels/);
    const folder = [file('01-a.js', small.steps[0].source), file('tasks.json', `[{"name":"Deep","data":${nested(5000)}}]`)];
    await expect(decodeInput({ kind: 'step-files', files: folder, name: 'deep' })).rejects.toThrow(/tasks\.json.*nested more than 1000 levels/);
  });

  it('refuses more than 2,000 steps', async () => {
    const steps = Array.from({ length: 2001 }, (_, i) => ({ name: `S${i}`, source: small.steps[0].source }));
    await expect(decodeInput({ kind: 'file', file: file('many.json', JSON.stringify({ steps })) })).rejects.toThrow(
      'many.json has 2,001 steps; a workspace holds at most 2,000',
    );
  });

  it('refuses ZIPs with more than 2,000 entries or more than 50 MB inflated', async () => {
    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`f${i}.txt`, strToU8('x')]));
    await expect(decodeInput({ kind: 'zip', file: file('many.zip', zipSync(many)) })).rejects.toThrow('many.zip holds more than 2,000 files');
    const bomb = zipSync({ 'big.js': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(decodeInput({ kind: 'zip', file: file('bomb.zip', bomb) })).rejects.toThrow('bomb.zip unpacks to more than 50 MB');
  });

  it('opens a trace only when every event is valid and its changes replay', async () => {
    const result = await run(small);
    const good = traceToFile(small, 'Task', result.events);
    expect((await decodeInput({ kind: 'file', file: file('run.trace.json', good) })).kind).toBe('trace');
    const doc = JSON.parse(good);
    doc.events[2] = { ...doc.events[2], kind: 'step-finished', patches: 'nope' };
    await expect(decodeInput({ kind: 'file', file: file('bad.trace.json', JSON.stringify(doc)) })).rejects.toThrow(/bad\.trace\.json: event 2/);
    const broken = JSON.parse(good);
    const finished = broken.events.findIndex((e: { kind: string }) => e.kind === 'step-finished');
    broken.events[finished].patches = [{ op: 'add', path: ['done', 'deeper', 'still'], value: 1 }];
    await expect(decodeInput({ kind: 'file', file: file('broken.trace.json', JSON.stringify(broken)) })).rejects.toThrow(
      /broken\.trace\.json: its recorded changes do not replay/,
    );
  });
});

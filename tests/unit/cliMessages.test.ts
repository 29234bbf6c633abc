// The sandbox child's messages are untrusted: step code shares the realm that writes them.
import { describe, expect, it } from 'vitest';
import { readChildMessage } from '../../src/cli/sandbox/childMessages.ts';
import { parseArgs } from '../../src/cli/parseArgs.ts';
import { childFlags } from '../../src/cli/sandbox/spawnChild.ts';

const event = { kind: 'log', task: 't0', seq: 0, t: 0, step: 0, level: 'log', text: 'hi' };

describe('sandbox child messages', () => {
  it('reads the protocol', () => {
    expect(readChildMessage(JSON.stringify({ type: 'beat', slice: { task: 't0', step: 1, spentMs: 3, run: 0 }, events: [event], seq: 4 }))).toMatchObject({
      type: 'beat',
      events: [event],
    });
    expect(readChildMessage('{"type":"done","extra":1}')).toEqual({ type: 'done' });
    expect(readChildMessage(JSON.stringify({ type: 'failed', message: 'x'.repeat(5000) }))).toEqual({ type: 'failed', message: 'x'.repeat(2000) });
  });

  it.each([
    ['not JSON', '{'],
    ['not a string', { type: 'done' }],
    ['an unknown type', '{"type":"exec"}'],
    ['a toJSON-hijacked beat', '"pwned"'],
    [
      'an event without a sequence number',
      JSON.stringify({ type: 'beat', slice: { task: 't0', step: 0, spentMs: 0 }, events: [{ kind: 'log', task: 't0', t: 0 }], seq: 0 }),
    ],
    ['a negative spent time', JSON.stringify({ type: 'beat', slice: { task: 't0', step: 0, spentMs: -1 }, events: [], seq: 0 })],
    ['a step that is no index', JSON.stringify({ type: 'beat', slice: { task: 't0', step: 'x', spentMs: 0 }, events: [], seq: 0 })],
    ['a beat without a seq', JSON.stringify({ type: 'beat', slice: null, events: [] })],
    ['step names that are not strings', JSON.stringify({ type: 'loaded', stepNames: [1], invalid: [] })],
  ])('rejects %s', (_what, raw) => {
    expect(readChildMessage(raw)).toBeNull();
  });
});

describe('cli arguments and child flags', () => {
  it('accepts --opt=value and negative seeds', () => {
    expect(parseArgs(['run', 'w.json', '--seed=-7', '--task=A b', '--json'])).toEqual({ command: 'run', path: 'w.json', seed: -7, task: 'A b', json: true });
    expect(parseArgs(['test', 'w.json', '--reporter=junit', '--coverage'])).toEqual({
      command: 'test',
      path: 'w.json',
      reporter: 'junit',
      output: undefined,
      coverage: true,
    });
    expect(parseArgs(['explore', 'w.json', '--runs', '500', '--workers=2'])).toEqual({
      command: 'explore',
      path: 'w.json',
      runs: 500,
      seed: 1,
      workers: 2,
      json: false,
    });
    expect(() => parseArgs(['test', 'w.json', '--reporter', 'tap'])).toThrow(/--reporter must be pretty, json or junit/);
    expect(() => parseArgs(['explore', 'w.json', '--runs', '100001'])).toThrow(/--runs needs a whole number from 1 to 100,000/);
  });

  it('uses the permission flag of the running Node', () => {
    expect(childFlags('v20.20.2')).toContain('--experimental-permission');
    expect(childFlags('v22.12.0')).toContain('--permission');
    for (const version of ['v20.20.2', 'v24.1.0']) {
      const flags = childFlags(version);
      expect(flags).toContain('--disallow-code-generation-from-strings');
      expect(flags.some((f) => f.startsWith('--allow-'))).toBe(false);
    }
  });
});

// `into` paths come from step code: prototype keys are refused before anything is written.
import { describe, expect, it } from 'vitest';
import { parseUserPath, setAt } from '../../src/engine/paths.ts';

describe('user paths', () => {
  it.each(['__proto__.x', 'a.constructor.prototype', 'a.prototype', 'constructor'])('refuses %s, naming the path', (path) => {
    expect(() => parseUserPath(path, 'the into path')).toThrow(`the into path "${path}" is not allowed`);
  });

  it('keeps ordinary paths', () => {
    expect(parseUserPath('companies.3.research', 'into')).toEqual(['companies', '3', 'research']);
  });

  it('setAt never writes through a prototype key', () => {
    const data: Record<string, unknown> = {};
    expect(() => setAt(data, ['__proto__', 'polluted'], 1)).toThrow(/"__proto__" would reach a prototype/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { boundedCache } from '../../../src/infra/bounded-cache';

describe('boundedCache', () => {
  it('never holds more than its entry ceiling, dropping the least recently used', () => {
    const cache = boundedCache<string>({ maxEntries: 3, maxBytes: 1000, sizeOf: (v) => v.length });
    for (const k of ['a', 'b', 'c']) cache.set(k, k);
    cache.get('a'); // used again: b is now the oldest
    cache.set('d', 'd');
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k))).toEqual(['a', 'c', 'd']);
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, 'x');
    expect(cache.size).toBe(3);
  });

  it('never holds more than its byte ceiling, and skips a value larger than all of it', () => {
    const cache = boundedCache<string>({ maxEntries: 100, maxBytes: 10, sizeOf: (v) => v.length });
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    cache.set('c', 'cccc');
    expect(cache.bytes).toBeLessThanOrEqual(10);
    expect(cache.get('a')).toBeUndefined();
    cache.set('huge', 'x'.repeat(11));
    expect(cache.get('huge')).toBeUndefined();
    cache.delete('b');
    expect(cache.bytes).toBe(4);
  });
});

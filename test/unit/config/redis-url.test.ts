import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../../src/config/redis-url';
import { ZEnv } from '../../../src/config/env.schema';

describe('REDIS_URL', () => {
  it('keeps a one-server URL as it is', () => {
    expect(parseRedisUrl('redis://:secret@127.0.0.1:6379/2')).toEqual({
      kind: 'single',
      url: 'redis://:secret@127.0.0.1:6379/2',
    });
    expect(parseRedisUrl('rediss://cache.example.org:6380').kind).toBe('single');
  });

  it('reads a Sentinel address list, the master name, the db and both passwords', () => {
    expect(
      parseRedisUrl(
        'redis-sentinel://app:p%40ss@10.0.0.1:26379,[::1]:26380,s3/mymaster/3?sentinelPassword=sp&tls=true',
      ),
    ).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '::1', port: 26380 },
        { host: 's3', port: 26379 },
      ],
      name: 'mymaster',
      db: 3,
      username: 'app',
      password: 'p@ss',
      sentinelPassword: 'sp',
      tls: true,
    });
    expect(parseRedisUrl('redis-sentinel://h1:26379/mymaster')).toMatchObject({
      db: 0,
      tls: false,
    });
  });

  it('reads a Cluster seed list', () => {
    expect(parseRedisUrl('redis-cluster://:pass@h1:7000,h2:7001,h3')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'h1', port: 7000 },
        { host: 'h2', port: 7001 },
        { host: 'h3', port: 6379 },
      ],
      password: 'pass',
      tls: false,
    });
  });

  it.each([
    ['http://h1:6379', 'must start with redis://'],
    ['redis-sentinel://h1:26379', 'ends with /<master name>'],
    ['redis-sentinel://h1:26379/m/x', 'db "x"'],
    ['redis-cluster://h1:7000/0', 'takes no path'],
    ['redis-cluster://h1:99999', 'out of range'],
    ['redis-cluster://h1:7000,,h2:7001', 'is not host:port'],
    ['redis-cluster://h1:7000?sentinelPassword=x', 'for Sentinel'],
    ['redis-sentinel://h1/m?pasword=x', 'unknown option "pasword"'],
  ])('refuses %s with a reason', (url, reason) => {
    const parsed = ZEnv.shape.REDIS_URL.safeParse(url);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(reason);
  });

  it('accepts the three forms in the configuration', () => {
    for (const url of [
      'redis://127.0.0.1:6379',
      'redis-sentinel://:pw@h1:26379,h2:26379,h3:26379/mymaster',
      'redis-cluster://:pw@h1:7000,h2:7001,h3:7002',
    ])
      expect(ZEnv.shape.REDIS_URL.safeParse(url).success).toBe(true);
  });
});

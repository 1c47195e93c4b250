import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const child = new URL('../../fixtures/stray-rejection.child.ts', import.meta.url).pathname;
const run = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', child], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('a promise rejected with no handler', () => {
  it('is logged without its data and the process keeps running', () => {
    const res = run();
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('still answering calls');
    const line = res.stdout.split('\n').find((l) => l.includes('rejected with no handler'));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      level: 50,
      rejection: { type: 'Error', errorCode: '23505' },
    });
    expect(res.stdout + res.stderr).not.toContain('8562055512345');
  });

  it('would otherwise end the process (Node’s default), hanging up the calls it holds', () => {
    const res = run({ WITHOUT_HANDLER: '1' });
    expect(res.status).not.toBe(0);
    expect(res.stdout).not.toContain('still answering calls');
  });
});

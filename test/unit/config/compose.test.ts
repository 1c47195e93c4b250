import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ZEnv } from '../../../src/config/env.schema';

// Docker cannot run on this machine, so the compose file is checked as data.
type TService = {
  image?: string;
  volumes?: string[];
  deploy?: { replicas?: number };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
};
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, TService>;
};
const services = compose.services;
const apiNodes = ['api1', 'api2', 'api3'];

describe('docker-compose.yml', () => {
  it('runs postgres, redis, three API nodes behind HAProxy and the workers', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', ...apiNodes, 'lb', 'workers', 'migrate']),
    );
  });

  it('puts the API nodes behind deploy/haproxy.cfg, the file the load-balancer test runs', () => {
    const lb = services.lb;
    expect(lb?.image).toMatch(/^haproxy:2\.6/);
    expect(lb?.volumes?.join(' ')).toContain('./deploy/haproxy.cfg:');
    expect(apiNodes.map((_, i) => lb?.environment?.[`SAIDUAN_API${i + 1}`])).toEqual(
      apiNodes.map((n) => `${n}:3000`),
    );
    expect(services.workers?.deploy?.replicas).toBe(2);
    // The nodes see callers' addresses only if they trust the network the balancer is on.
    expect(services.api1?.environment?.TRUSTED_PROXIES).toContain('172.28.0.0/16');
  });

  it('runs Redis with noeviction and AOF, as BullMQ needs', () => {
    const command = services.redis?.command?.join(' ') ?? '';
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(command).toContain('--appendonly yes');
  });

  it('requires a Redis password and hands it to the services that connect', () => {
    expect(services.redis?.command?.join(' ')).toContain('--requirepass ${REDIS_PASSWORD:?');
    expect(services.redis?.healthcheck?.test.join(' ')).toContain('REDISCLI_AUTH');
    for (const name of [...apiNodes, 'workers', 'migrate'])
      expect(services[name]?.environment?.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?/);
  });

  it('backs up every hour, encrypted with a key from the environment, into its own volume', () => {
    const backup = services.backup;
    expect(backup?.command?.join(' ')).toContain('scripts/backup/backup.ts');
    expect(backup?.environment?.BACKUP_KEY).toMatch(/^\$\{BACKUP_KEY:\?/);
    expect(backup?.environment?.BACKUP_DIR).toBe('/backups');
    expect(backup?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
  });

  it('gives every long-running service a health check', () => {
    for (const name of ['postgres', 'redis', ...apiNodes, 'workers', 'backup'])
      expect(services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('runs the API and workers from the same image with their own entry points', () => {
    for (const name of apiNodes) {
      expect(services[name]?.command).toContain('src/server.ts');
      expect(services[name]?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    }
    expect(services.workers?.command).toContain('workers/main.ts');
  });

  it('sets only variables that src/config reads, and every one it requires', () => {
    const known = Object.keys(ZEnv.shape);
    for (const name of [...apiNodes, 'workers', 'migrate']) {
      const env = Object.keys(services[name]?.environment ?? {});
      expect(env.filter((v) => !known.includes(v))).toEqual([]);
      const required = known.filter(
        (k) => !ZEnv.shape[k as keyof typeof ZEnv.shape].safeParse(undefined).success,
      );
      expect(required.filter((v) => !env.includes(v))).toEqual([]);
      expect(env).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL']));
    }
  });
});

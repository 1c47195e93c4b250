import { Writable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { buildApp } from '../../src/build-app';
import type { TReplica } from '../../src/infra/read-replica';
import type { TTestStores } from './test-stores';

/** Log lines the app wrote, so tests can assert that nothing personal reached the log. */
export type TLogCapture = { lines: string[]; text: () => string };

export function captureLogs(): { capture: TLogCapture; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { capture: { lines, text: () => lines.join('') }, stream };
}

/** The real app on real stores; `logs` collects every log line at debug level. */
export async function buildTestApp(
  stores: Pick<TTestStores, 'config' | 'database' | 'redis'> & { replica?: TReplica },
  options: { plugins?: FastifyPluginAsync[] } = {},
): Promise<{ app: FastifyInstance; logs: TLogCapture }> {
  const { capture, stream } = captureLogs();
  const config = Object.freeze({ ...stores.config, LOG_LEVEL: 'debug' as const });
  const app = await buildApp(
    {
      config,
      db: stores.database.db,
      sql: stores.database.sql,
      replica: stores.replica,
      redis: stores.redis,
    },
    { logStream: stream, plugins: options.plugins ?? [] },
  );
  await app.ready();
  return { app, logs: capture };
}

import type { Redis } from 'ioredis';
import type { TConfig } from './config/config';
import type { TDatabase, TSql } from './infra/database';
import type { TReplica } from './infra/read-replica';

/** What the app needs from outside: given by server.ts in production and by tests. */
export type TAppDeps = {
  config: TConfig;
  db: TDatabase;
  sql: TSql;
  /** The read replica for reports and exports (DATABASE_REPLICA_URL); absent: the primary. */
  replica?: TReplica;
  redis: Redis;
};

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    deps: TAppDeps;
  }
}

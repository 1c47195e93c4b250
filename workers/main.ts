import pino from 'pino';
import { requireStores } from '../src/config/config';
import { runEntryPoint } from '../src/config/load';
import { openDatabase } from '../src/infra/database';
import { openRedis } from '../src/infra/redis';
import { onShutdown } from '../src/infra/shutdown';
import { keepRunningOnStrayRejections } from '../src/infra/stray-rejections';
import { jobContracts } from '../src/jobs/index';
import { jobProducers } from '../src/jobs/job-producers';
import { loggerOptions } from '../src/logger';
import { startAuditSealer } from '../src/modules/audit/audit-sealer';
import { startReferralTicker } from '../src/modules/referrals/runtime/referral-jobs.provider';
import { startRecordsTicker } from '../src/modules/retention/records-ticker';
import { startReportRefreshTicker } from '../src/modules/reports/report-refresh-ticker';
import { processors } from './processors/index';
import { startWorkers } from './start-workers';

// The worker process: imports modules and job contracts, never routes.
await runEntryPoint(async (config) => {
  const log = pino(loggerOptions(config));
  keepRunningOnStrayRejections(log);
  const stores = requireStores(config);
  const database = openDatabase(stores.databaseUrl, { pooler: config.DATABASE_POOLER });
  const redis = openRedis(stores.redisUrl, 'worker');
  redis.on('error', () => {});
  // The same producers the API builds (queues on a connection of their own).
  const { queues, emitter } = jobProducers(
    redis,
    config.REDIS_PREFIX,
    openRedis(stores.redisUrl, 'worker'),
  );
  const running = startWorkers({
    contracts: jobContracts,
    processors,
    connection: openRedis(stores.redisUrl, 'worker'),
    deps: { config, db: database.db, sql: database.sql, redis, queues, emitter },
  });
  const referralTicker = startReferralTicker(queues, config.REFERRAL_SWEEP_MS);
  const recordsTicker = startRecordsTicker(queues);
  const reportsTicker = startReportRefreshTicker(queues, database.sql);
  const auditSealer = startAuditSealer(database.db, config, {
    onError: (err) => log.warn({ err: (err as Error).name }, 'audit sealing failed; retrying'),
  });
  log.info({ jobs: jobContracts.map((c) => c.name) }, 'workers started');

  onShutdown(async () => {
    recordsTicker.stop();
    reportsTicker.stop();
    referralTicker.stop();
    await auditSealer.stop();
    await running.close();
    await queues.close();
    await Promise.allSettled([database.close(), redis.quit()]);
    log.info('workers stopped');
  });
});

import type { importRunJob } from '../../src/jobs/import-run.job';
import { runImportBatch } from '../../src/modules/imports/import-run.service';
import type { TProcessor } from '../processor';

type TPayload = ReturnType<(typeof importRunJob)['payload']['parse']>;

/** Idempotent: rows whose external id is already imported are skipped as duplicates. */
export const importRunProcessor: TProcessor<TPayload> = async (payload, { deps }) =>
  runImportBatch(deps, payload.batchId, payload.mode);

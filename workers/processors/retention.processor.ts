import type { retentionJob } from '../../src/jobs/retention.job';
import { applyRetention } from '../../src/modules/retention/retention.service';
import type { TProcessor } from '../processor';

type TPayload = ReturnType<(typeof retentionJob)['payload']['parse']>;

/** Idempotent: a second run finds nothing left past its cutoff. */
export const retentionProcessor: TProcessor<TPayload> = async (_payload, { deps }) =>
  applyRetention(deps);

import type { Redis } from 'ioredis';
import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import { readAnswerSetting } from '../staff/answer-on.repository';
import { guard } from '../telephony/store-guard';
import type { TMobileLegOutcome } from './mobile-leg.policy';

/** Where an accepted call rings for this counsellor. */
export type TAnswerTarget = { kind: 'browser' } | { kind: 'mobile'; number: string };

export type TMobileLegs = ReturnType<typeof mobileLegsRepository>;

const ANSWER_TARGET_TIMEOUT_MS = 1500;
// Long enough for any call; the key only guards against a late or repeated webhook.
const OUTCOME_TTL_S = 12 * 3600;

/**
 * The counsellor's answering preference (Postgres, number decrypted) and each mobile leg's
 * single outcome (Redis). A webhook for the key pressed and the leg's status callbacks may
 * arrive in any order, repeated: the first to settle the leg wins, the others do nothing.
 */
export function mobileLegsRepository(deps: { db: TDatabase; redis: Redis; config: TConfig }) {
  const key = (legSid: string) => `${deps.config.REDIS_PREFIX}:mobile-leg:${legSid}`;
  return {
    /** Read at every accept, so a change applies to the very next call on every node. */
    async answerTarget(userId: string): Promise<TAnswerTarget> {
      // Postgres slow or down: ring the console rather than keep the caller waiting.
      const read = await guard(() => readAnswerSetting(deps, userId), ANSWER_TARGET_TIMEOUT_MS);
      const setting = read.ok ? read.value : null;
      return setting?.answerOn === 'mobile' && setting.mobile
        ? { kind: 'mobile', number: setting.mobile }
        : { kind: 'browser' };
    },

    /** True when this call settled the leg (it was not settled before). */
    async settle(legSid: string, outcome: TMobileLegOutcome): Promise<boolean> {
      return (await deps.redis.set(key(legSid), outcome, 'EX', OUTCOME_TTL_S, 'NX')) === 'OK';
    },

    async outcome(legSid: string): Promise<TMobileLegOutcome | null> {
      return (await deps.redis.get(key(legSid))) as TMobileLegOutcome | null;
    },
  };
}

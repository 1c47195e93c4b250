import type { Redis } from 'ioredis';
import type { TConfig } from '../../../config/config';
import type { TDatabase } from '../../../infra/database';
import { readAnswerSetting } from '../../staff/answer-on.repository';
import { guard } from '../../../infra/store-guard';
import type { TMobileLegOutcome } from './mobile-leg.policy';

/** Where an accepted call rings for this counsellor. */
export type TAnswerTarget = { kind: 'browser' } | { kind: 'mobile'; number: string };

export type TMobileLegs = ReturnType<typeof mobileLegsRepository>;

const ANSWER_TARGET_TIMEOUT_MS = 1500;
// Bounds how long a change could go unseen if clearing the cached kind ever failed.
const ANSWER_ON_TTL_S = 600;
const BROWSER: TAnswerTarget = { kind: 'browser' };
// Long enough for any call; the key only guards against a late or repeated webhook.
const OUTCOME_TTL_S = 12 * 3600;

/**
 * The counsellor's answering preference (Postgres, number decrypted) and each mobile leg's
 * single outcome (Redis). A webhook for the key pressed and the leg's status callbacks may
 * arrive in any order, repeated: the first to settle the leg wins, the others do nothing.
 */
export function mobileLegsRepository(deps: { db: TDatabase; redis: Redis; config: TConfig }) {
  const key = (legSid: string) => `${deps.config.REDIS_PREFIX}:mobile-leg:${legSid}`;
  const answerOnKey = (userId: string) => `${deps.config.REDIS_PREFIX}:answer-on:${userId}`;
  return {
    /**
     * Read at every accept. Most counsellors answer in the browser, so whether someone answers
     * on a mobile is kept in Redis (shared by every node, cleared on each change, re-read from
     * Postgres when missing); Postgres is read on the accept path only for the mobile number.
     */
    async answerTarget(userId: string): Promise<TAnswerTarget> {
      const cached = await deps.redis.get(answerOnKey(userId)).catch(() => null);
      if (cached === 'browser') return BROWSER;
      // Postgres slow or down: ring the console rather than keep the caller waiting.
      const read = await guard(() => readAnswerSetting(deps, userId), ANSWER_TARGET_TIMEOUT_MS);
      if (!read.ok) return BROWSER;
      const target: TAnswerTarget =
        read.value?.answerOn === 'mobile' && read.value.mobile
          ? { kind: 'mobile', number: read.value.mobile }
          : BROWSER;
      if (cached !== target.kind)
        await deps.redis
          .set(answerOnKey(userId), target.kind, 'EX', ANSWER_ON_TTL_S)
          .catch(() => undefined);
      return target;
    },

    /** After a change of someone's answering preference: the next accept reads it again. */
    async forgetAnswerTarget(userId: string): Promise<void> {
      await deps.redis.del(answerOnKey(userId));
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

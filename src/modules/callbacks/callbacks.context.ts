import type { Redis } from 'ioredis';
import type { TDatabase } from '../../infra/database';
import { keyringFromConfig } from '../crypto/keyring';
import type { TRoutingContext } from '../routing/routing.context';
import { callbacksRepository } from './callbacks.repository';
import type { TCallbackDeps } from './callbacks.service';

export function callbackDeps(ctx: TRoutingContext, db: TDatabase, redis: Redis): TCallbackDeps {
  const prefix = ctx.config.REDIS_PREFIX;
  return {
    ctx,
    db,
    repo: callbacksRepository(db),
    keyring: keyringFromConfig(ctx.config),
    queueScore: async (callSid, hotline) => {
      const score = await redis.zscore(`${prefix}:queue:${hotline}`, callSid);
      return score === null ? null : Number(score);
    },
  };
}

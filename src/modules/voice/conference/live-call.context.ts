import type { Redis } from 'ioredis';
import type { TConfig } from '../../../config/config';
import type { TDatabase } from '../../../infra/database';
import type { TRoutingContext } from '../../routing/routing.context';
import type { TTwilioCallbackUrls } from '../../telephony/callback-urls';
import type { TTelephonyProvider } from '../../telephony/telephony.provider';
import { hotlineFacts, type THotlineFacts } from './hotline-numbers.repository';
import { mobileLegsRepository, type TMobileLegs } from './mobile-leg.repository';
import { monitorLegsRepository, type TMonitorLegsRepository } from './monitor-legs.repository';

/**
 * What the live part of a call uses once routing has a counsellor for it (bridge, call control,
 * mobile legs, monitoring, call-backs): routing's context plus the telephony adapter and voice's
 * own stores. Built once per API node in the composition root.
 */
export type TLiveCallContext = TRoutingContext & {
  telephony: TTelephonyProvider;
  urls: TTwilioCallbackUrls;
  monitors: TMonitorLegsRepository;
  /** The hotline's own number: caller ID for call-backs and parties added by phone. */
  hotlineNumber: (hotline: string) => Promise<string | null>;
  hotlineFacts: (hotline: string) => Promise<THotlineFacts | null>;
  /** Where each counsellor answers (browser or own mobile) and each mobile leg's outcome. */
  mobileLegs: TMobileLegs;
};

export function createLiveCallContext(
  routing: TRoutingContext,
  deps: {
    config: TConfig;
    db: TDatabase;
    redis: Redis;
    telephony: TTelephonyProvider;
    urls: TTwilioCallbackUrls;
  },
): TLiveCallContext {
  const facts = hotlineFacts(deps.db);
  return {
    ...routing,
    telephony: deps.telephony,
    urls: deps.urls,
    monitors: monitorLegsRepository(deps.redis, deps.config.REDIS_PREFIX),
    hotlineFacts: facts,
    hotlineNumber: async (hotline) => (await facts(hotline))?.phoneNumber ?? null,
    mobileLegs: mobileLegsRepository(deps),
  };
}

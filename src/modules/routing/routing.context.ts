import type { Redis } from 'ioredis';
import type { TConfig } from '../../config/config';
import type { TRealtimeErrorCode } from '../../contracts/realtime';
import type { TDatabase } from '../../infra/database';
import type { TTelephonyProvider } from '../telephony/telephony.provider';
import { recordAudit, type TAuditEntry } from '../audit/audit.repository';
import {
  presenceRepository,
  toView,
  type TPresenceRepository,
} from './presence/presence.repository';
import { createDispatcher, type TDispatcher } from './dispatcher.service';
import { offersRepository, type TOffersRepository } from './offers.repository';
import { monitorLegsRepository, type TMonitorLegsRepository } from '../voice/conference/monitor-legs.repository';
import type { TRoutingSettings } from './routing.policy';
import type { TRoutingNotifier } from './routing.notifier';
import { routingEventLog, type TRoutingEventLog } from './routing-events.repository';
import { queueViews, type TQueueViews } from './queue-view.repository';
import { hotlineFacts, type THotlineFacts } from '../voice/conference/hotline-numbers.repository';
import { mobileLegsRepository, type TMobileLegs } from '../voice/conference/mobile-leg.repository';

export type TRoutingLog = {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
};

export type TEngineSettings = TRoutingSettings & {
  offerTimeoutMs: number;
  wrapUpMs: number;
  maxConsecutiveTimeouts: number;
  sweepMs: number;
};

/** Everything the routing services share; built once per API node. */
export type TRoutingContext = {
  config: TConfig;
  settings: TEngineSettings;
  offers: TOffersRepository;
  monitors: TMonitorLegsRepository;
  presence: TPresenceRepository;
  queues: TQueueViews;
  events: TRoutingEventLog;
  dispatcher: TDispatcher;
  notifier: TRoutingNotifier;
  telephony: TTelephonyProvider;
  /** The hotline's own number: caller ID for call-backs and parties added by phone. */
  hotlineNumber: (hotline: string) => Promise<string | null>;
  hotlineFacts: (hotline: string) => Promise<THotlineFacts | null>;
  /** Where each counsellor answers (browser or own mobile) and each mobile leg's outcome. */
  mobileLegs: TMobileLegs;
  /** Appends a supervisor's change (assignment, priority) to the audit chain. */
  audit: (entry: TAuditEntry) => Promise<void>;
  log: TRoutingLog;
};

/** A failure a counsellor's client can act on; becomes `{ error: code }` in the socket ack. */
export class RoutingError extends Error {
  override name = 'RoutingError';
  constructor(readonly code: TRealtimeErrorCode) {
    super(code);
  }
}

export function engineSettings(config: TConfig): TEngineSettings {
  return {
    offerTimeoutMs: config.ROUTING_OFFER_TIMEOUT_MS,
    relaxLanguageAfterMs: config.ROUTING_RELAX_LANGUAGE_AFTER_MS,
    relaxHotlineAfterMs: config.ROUTING_RELAX_HOTLINE_AFTER_MS,
    wrapUpMs: config.ROUTING_WRAP_UP_MS,
    maxConsecutiveTimeouts: config.ROUTING_MAX_CONSECUTIVE_TIMEOUTS,
    sweepMs: config.ROUTING_SWEEP_MS,
  };
}

export function createRoutingContext(deps: {
  config: TConfig;
  redis: Redis;
  db: TDatabase;
  telephony: TTelephonyProvider;
  notifier: TRoutingNotifier;
  log: TRoutingLog;
}): TRoutingContext {
  const prefix = deps.config.REDIS_PREFIX;
  const settings = engineSettings(deps.config);
  const offers = offersRepository(deps.redis, prefix);
  const events = routingEventLog(deps.db, (err) =>
    deps.log.error({ err }, 'routing event log write failed'),
  );
  const presence = presenceRepository(deps.redis, prefix);
  const facts = hotlineFacts(deps.db);
  const dispatcher = createDispatcher({
    offers,
    settings,
    notifier: deps.notifier,
    events,
    onError: (err) => deps.log.error({ err }, 'dispatch failed'),
  });
  return {
    config: deps.config,
    settings,
    offers,
    monitors: monitorLegsRepository(deps.redis, prefix),
    presence,
    queues: queueViews(deps.redis, prefix),
    events,
    dispatcher,
    notifier: deps.notifier,
    telephony: deps.telephony,
    hotlineFacts: facts,
    hotlineNumber: async (hotline) => (await facts(hotline))?.phoneNumber ?? null,
    mobileLegs: mobileLegsRepository(deps),
    audit: (entry) => deps.db.transaction((tx) => recordAudit(tx, deps.config, entry)),
    log: deps.log,
  };
}

export async function pushPresence(ctx: TRoutingContext, userId: string): Promise<void> {
  const record = await ctx.presence.get(userId);
  if (record) ctx.notifier.presence(toView(record));
}

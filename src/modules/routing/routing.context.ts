import type { Redis } from 'ioredis';
import type { TConfig } from '../../config/config';
import { rawSql, type TDatabase } from '../../infra/database';
import { recordAudit, type TAuditEntry } from '../audit/audit.repository';
import {
  presenceRepository,
  toView,
  type TPresenceRepository,
} from './presence/presence.repository';
import { capacityRepository, type TCapacityRepository } from './capacity.repository';
import { channelConnectors, type TChannelConnectors } from './channel-connectors';
import { createDispatcher, type TDispatcher } from './dispatcher.service';
import { offersRepository, type TOffersRepository } from './offers.repository';
import type { TRoutingSettings } from './routing.policy';
import type { TRoutingNotifier } from './routing.notifier';
import { routingEventLog, type TRoutingEventLog } from './routing-events.repository';
import { queueViews, type TQueueViews } from './queue-view.repository';
import { waitingQueue, type TWaitingQueue } from './waiting-queue.repository';

export { RoutingError } from './routing.errors';

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

/**
 * Everything the routing services share; built once per API node (composition root). Knows
 * tasks, counsellors and offers, never what carries a task: channels plug in through
 * `channels`, browsers hear of changes through `notifier`.
 */
export type TRoutingContext = {
  config: TConfig;
  settings: TEngineSettings;
  /** The waiting tasks, in line per hotline. */
  queue: TWaitingQueue;
  offers: TOffersRepository;
  presence: TPresenceRepository;
  /** Each counsellor's capacity per channel (calls, chats at once), as stored for her. */
  capacities: TCapacityRepository;
  queues: TQueueViews;
  events: TRoutingEventLog;
  dispatcher: TDispatcher;
  notifier: TRoutingNotifier;
  /** What each channel does once a counsellor accepts one of its tasks. */
  channels: TChannelConnectors;
  /** Appends a supervisor's change (assignment, priority) to the audit chain. */
  audit: (entry: TAuditEntry) => Promise<void>;
  log: TRoutingLog;
  /**
   * Tasks whose end could not be written (Redis failing over): the sweep ends them again, or
   * their counsellor would stay "on call" for a call that is over and never be offered another.
   */
  unfinishedEnds: Set<string>;
};

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
  notifier: TRoutingNotifier;
  log: TRoutingLog;
}): TRoutingContext {
  const prefix = deps.config.REDIS_PREFIX;
  const settings = engineSettings(deps.config);
  const offers = offersRepository(deps.redis, prefix);
  const events = routingEventLog(rawSql(deps.db), (err) =>
    deps.log.error({ err }, 'routing event log write failed'),
  );
  const presence = presenceRepository(deps.redis, prefix);
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
    queue: waitingQueue(deps.redis, prefix),
    offers,
    presence,
    capacities: capacityRepository(deps.db),
    queues: queueViews(deps.redis, prefix),
    events,
    dispatcher,
    notifier: deps.notifier,
    channels: channelConnectors(),
    audit: (entry) => deps.db.transaction((tx) => recordAudit(tx, deps.config, entry)),
    log: deps.log,
    unfinishedEnds: new Set(),
  };
}

export async function pushPresence(ctx: TRoutingContext, userId: string): Promise<void> {
  const record = await ctx.presence.get(userId);
  if (record) ctx.notifier.presence(toView(record));
}

import { expireDueOffers } from './offer.service';
import { expireWrapUps } from './presence/presence.service';
import type { TRoutingContext } from './routing.context';
import { retryUnfinishedEnds } from './tasks.service';

/**
 * Makes sure nothing waits if an event is lost (a crashed node, a dropped message): task ends
 * that failed to be written, offers that ran out, wrap-ups that ended, and a dispatch round,
 * every `settings.sweepMs`. `beforeEach` runs first (the channels' own recovery, e.g. voice
 * rebuilding queues Redis lost); its failure (Postgres down) must not stop the rest.
 */
export function startRoutingSweep(
  ctx: TRoutingContext,
  beforeEach: () => Promise<void> = async () => {},
): { stop(): void } {
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    (async () => {
      await beforeEach().catch((err: unknown) =>
        ctx.log.error({ err }, 'routing sweep: channel recovery failed'),
      );
      await retryUnfinishedEnds(ctx);
      await expireDueOffers(ctx);
      await expireWrapUps(ctx);
      await ctx.dispatcher.kick();
    })()
      .catch((err: unknown) => ctx.log.error({ err }, 'routing sweep failed'))
      .finally(() => {
        sweeping = false;
      });
  }, ctx.settings.sweepMs);
  sweep.unref();
  return { stop: () => clearInterval(sweep) };
}

import { HOTLINE_TIME_ZONE } from '../hotlines/opening-hours.policy';
import { moveCallbackSafeTimes } from '../routing/tasks.service';
import { notify, type TCallbackDeps } from './callbacks.service';
import { nextSafeTimes } from './safe-time-rollover.policy';

/**
 * Call-backs whose caller's safe time ended while they waited are held, at their place, for the
 * same safe hours the next day (safe-time-rollover.policy), instead of being held forever:
 * routing first (it is what keeps anyone from being offered them outside those hours), then the
 * durable task, so a failure between the two is redone by the next round. Desks and the
 * supervisor's list are told the next safe time. Returns how many moved.
 */
export async function rollOverEndedSafeTimes(deps: TCallbackDeps, now = Date.now()) {
  const ended = await deps.repo.endedSafeTimes(new Date(now));
  let moved = 0;
  for (const task of ended) {
    if (!task.safeUntil) continue;
    const next = nextSafeTimes(
      {
        safeFrom: task.safeFrom?.getTime() ?? null,
        safeUntil: task.safeUntil.getTime(),
        requestedAt: task.createdAt.getTime(),
      },
      now,
      HOTLINE_TIME_ZONE,
    );
    if (!next) continue;
    await moveCallbackSafeTimes(deps.ctx, {
      callbackId: task.id,
      hotline: task.hotline,
      now,
      ...next,
    });
    const saved = await deps.repo.moveSafeTimes(task.id, task.safeUntil, {
      safeFrom: new Date(next.safeFrom),
      safeUntil: new Date(next.safeUntil),
    });
    if (!saved) continue;
    moved++;
    notify(deps, saved);
  }
  return moved;
}

/**
 * For the routing sweep (every half second): at most one look every `everyMs`. Until it runs, an
 * ended safe time is already held by routing, so the delay never lets a call-back be offered.
 */
export function safeTimeRollover(deps: TCallbackDeps, everyMs = 10_000) {
  let last = 0;
  return async (now = Date.now()) => {
    if (now - last < everyMs) return 0;
    last = now;
    return rollOverEndedSafeTimes(deps, now);
  };
}

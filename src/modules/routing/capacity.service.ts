import type { TCapacity } from './capacity.policy';
import { pushPresence, type TRoutingContext } from './routing.context';

/**
 * A counsellor's capacity per channel was just changed: routing holds the new one at once (not
 * from her next change of presence) and looks again, so a counsellor raised from one chat to
 * three is offered a waiting chat without doing anything. Her supervisors see her as she is now.
 */
export async function capacityChanged(
  ctx: TRoutingContext,
  userId: string,
  capacity: TCapacity,
): Promise<void> {
  const state = await ctx.presence.setCapacity(userId, capacity);
  if (state === null) return;
  if (state === 'available') await ctx.dispatcher.kick();
  await pushPresence(ctx, userId);
}

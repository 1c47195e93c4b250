import type { TDatabase } from '../../infra/database';
import { AppError } from '../../errors/catalogue';
import type { TActor } from '../auth/actor';
import { channelConfigsOf } from './chat-channel-configs.repository';

/** A hotline's channel configuration, for its administrators and supervisors. */
export async function channelConfigsFor(deps: { db: TDatabase }, actor: TActor, hotline: string) {
  if (actor.role !== 'administrator' && !actor.hotlines.includes(hotline))
    throw new AppError('NOT_FOUND');
  return channelConfigsOf(deps.db, hotline);
}

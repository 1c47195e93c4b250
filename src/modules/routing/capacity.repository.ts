import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/staff';
import type { TDatabase } from '../../infra/database';
import { defaultCapacity, type TCapacity } from './capacity.policy';

export type TCapacityRepository = { of(userId: string): Promise<TCapacity> };

/**
 * A counsellor's capacity per channel as her administrator or supervisor set it (staff_users),
 * read when she sets her presence so dispatch's Redis steps hold it from then on.
 */
export function capacityRepository(db: TDatabase): TCapacityRepository {
  return {
    async of(userId) {
      const [row] = await db
        .select({
          voice: staffUsers.voiceCapacity,
          chat: staffUsers.chatCapacity,
          callsWhileChatting: staffUsers.callsWhileChatting,
        })
        .from(staffUsers)
        .where(eq(staffUsers.id, userId));
      return row ?? defaultCapacity;
    },
  };
}

import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/staff';
import type { TChannelCapacity } from '../../contracts/staff-users';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import type { TActor } from './actor';
import { can } from './permissions.policy';

/**
 * Sets a counsellor's capacity per channel (calls and chats at once, a call beside chats). An
 * administrator may set anyone's; a supervisor those who share one of her hotlines (others
 * answer as missing). Audited with the old and new values. The route then hands it to routing,
 * which applies it at once (routing/capacity.service).
 */
export async function setChannelCapacity(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  capacity: TChannelCapacity,
): Promise<TChannelCapacity> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        hotlines: staffUsers.hotlines,
        voiceCapacity: staffUsers.voiceCapacity,
        chatCapacity: staffUsers.chatCapacity,
        callsWhileChatting: staffUsers.callsWhileChatting,
      })
      .from(staffUsers)
      .where(eq(staffUsers.id, id))
      .for('update');
    const reachable =
      row &&
      (can(actor, 'user.capacity', {}) ||
        row.hotlines.some((hotline) => can(actor, 'user.capacity', { hotline })));
    if (!row || !reachable) throw new AppError('NOT_FOUND');
    await tx.update(staffUsers).set(capacity).where(eq(staffUsers.id, id));
    const { hotlines: _h, ...before } = row;
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'user.capacity_changed',
      entityType: 'staff_user',
      entityId: id,
      data: { before, after: capacity },
    });
    return capacity;
  });
}

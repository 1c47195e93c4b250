import { and, eq, sql } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import type { TChatTransferTarget } from '../../contracts/api/chat-transfer';
import type { TChatConversation } from '../../contracts/chat';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { can } from '../auth/permissions.policy';
import { conversationView } from './chat.repository';
import type { TChatDeskDeps } from './chat-desk.service';
import { mayTransferTo, transferTargets } from './chat-transfer.policy';

export type TChatTransferTo = { hotline: string; language: string } | null;

/** The chat, if the actor holds it open now: only she may move it. */
async function heldChat(deps: TChatDeskDeps, actor: TActor, id: string) {
  const row = await deps.chat.repository.conversation(id);
  if (!row || !can(actor, 'chat.view', { hotline: row.hotline, ownerIds: [row.assignedTo] }))
    throw new AppError('CHAT_CONVERSATION_NOT_FOUND');
  if (row.state === 'ended') throw new AppError('CHAT_ENDED');
  if (row.assignedTo !== actor.userId || row.state !== 'active')
    throw new AppError('CHAT_NOT_HELD');
  return row;
}

/** The transfer menu of a chat she holds: the other language queues of hotlines she may reach. */
export async function chatTransferTargets(
  deps: TChatDeskDeps,
  actor: TActor,
  id: string,
): Promise<TChatTransferTarget[]> {
  const row = await heldChat(deps, actor, id);
  const rows = await deps.db
    .select({
      number: hotlines.number,
      nameLo: hotlines.nameLo,
      nameEn: hotlines.nameEn,
      languages: hotlines.languages,
    })
    .from(hotlines)
    .orderBy(hotlines.number);
  return transferTargets(actor, row, rows);
}

/**
 * The counsellor hands her chat to another language queue of a hotline she serves, or back to
 * its own queue (`to` null): the conversation waits again, nobody's, its task goes back in line
 * keeping its place (offered to her again only if nobody else fits), and whoever accepts it next
 * reads the whole transcript (it stays with the conversation). Audited with where it came from
 * and where it went.
 */
export async function transferChat(
  deps: TChatDeskDeps,
  actor: TActor,
  id: string,
  to: TChatTransferTo,
): Promise<TChatConversation> {
  const row = await heldChat(deps, actor, id);
  const target = to ?? { hotline: row.hotline, language: row.language };
  if (!mayTransferTo(actor, row, target.hotline))
    throw new AppError('CHAT_TRANSFER_HOTLINE_NOT_SERVED');
  const [served] = await deps.db
    .select({ number: hotlines.number })
    .from(hotlines)
    .where(
      and(
        eq(hotlines.number, target.hotline),
        sql`${target.language} = any(${hotlines.languages})`,
      ),
    );
  if (!served) throw new AppError('VALIDATION_FAILED', { details: [{ path: '/to' }] });

  // Postgres first: once routing has it back in line someone may accept it at once, and that
  // accept (which makes it theirs) must land after this hand-back, never before.
  const waiting = await deps.db.transaction(async (tx) => {
    const back = await deps.chat.repository.handBack(id, actor.userId, target, tx);
    if (!back) throw new AppError('CHAT_NOT_HELD');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'chat.transferred',
      entityType: 'chat_conversation',
      entityId: id,
      data: {
        from: { hotline: row.hotline, language: row.language },
        to: target,
        toQueue: to === null,
      },
    });
    return back;
  });
  const view = conversationView(waiting, 0);
  deps.chat.notices.conversationChanged(view);
  if (!(await deps.chat.routing.transfer(id, actor.userId, target))) {
    // Routing no longer held it as hers (its task was lost): a fresh entry puts it in line.
    await deps.chat.repository.setRouting(id, 'pending');
    await deps.chat.inbox.routePending();
  }
  return view;
}

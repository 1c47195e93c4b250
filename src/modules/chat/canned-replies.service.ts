import { eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import type { TConfig } from '../../config/config';
import type { TCannedReply, TCannedReplyInput } from '../../contracts/chat';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import {
  deleteCannedReply,
  insertCannedReply,
  listCannedReplies,
  updateCannedReply,
} from './canned-replies.repository';

type TDeps = { db: TDatabase; config: Pick<TConfig, 'HMAC_KEY'> };

const inScope = (actor: TActor, hotline: string) =>
  actor.role === 'administrator' || actor.hotlines.includes(hotline);

/** A hotline out of reach answers as missing, as an unknown one does. */
async function reachable(deps: TDeps, actor: TActor, hotline: string): Promise<void> {
  const [row] = inScope(actor, hotline)
    ? await deps.db
        .select({ number: hotlines.number })
        .from(hotlines)
        .where(eq(hotlines.number, hotline))
    : [];
  if (!row) throw new AppError('NOT_FOUND');
}

export async function cannedRepliesOf(
  deps: TDeps,
  actor: TActor,
  hotline: string,
  language?: 'lo' | 'en',
): Promise<TCannedReply[]> {
  await reachable(deps, actor, hotline);
  return listCannedReplies(deps.db, hotline, language);
}

/** Every change commits with its audit row; the wording itself is public, so it is in the row. */
export async function createCannedReply(
  deps: TDeps,
  actor: TActor,
  hotline: string,
  input: TCannedReplyInput,
): Promise<TCannedReply> {
  await reachable(deps, actor, hotline);
  return deps.db.transaction(async (tx) => {
    const reply = await insertCannedReply(tx, hotline, input, actor.userId);
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'canned_reply.created',
      entityType: 'chat_canned_reply',
      entityId: reply.id,
      data: { hotline, language: input.language, title: input.title },
    });
    return reply;
  });
}

export async function changeCannedReply(
  deps: TDeps,
  actor: TActor,
  hotline: string,
  id: string,
  input: TCannedReplyInput,
): Promise<TCannedReply> {
  await reachable(deps, actor, hotline);
  return deps.db.transaction(async (tx) => {
    const reply = await updateCannedReply(tx, hotline, id, input);
    if (!reply) throw new AppError('CANNED_REPLY_NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'canned_reply.changed',
      entityType: 'chat_canned_reply',
      entityId: id,
      data: { hotline, language: input.language, title: input.title },
    });
    return reply;
  });
}

export async function removeCannedReply(
  deps: TDeps,
  actor: TActor,
  hotline: string,
  id: string,
): Promise<void> {
  await reachable(deps, actor, hotline);
  await deps.db.transaction(async (tx) => {
    const row = await deleteCannedReply(tx, hotline, id);
    if (!row) throw new AppError('CANNED_REPLY_NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'canned_reply.deleted',
      entityType: 'chat_canned_reply',
      entityId: id,
      data: { hotline },
    });
  });
}

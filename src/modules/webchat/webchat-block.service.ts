import type { TChatInbox } from '../../contracts/chat';
import type { TConfig } from '../../config/config';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import type { TActor } from '../auth/actor';
import { recordAudit } from '../audit/audit.repository';
import { activeBlocks, deleteBlock, insertBlock } from './webchat-blocks.repository';
import type { TWebchatSessions } from './webchat-sessions.repository';

/** Reasons are codes, as for blocked callers: no free text about a visitor is stored. */
export const webchatBlockReasons = ['abusive', 'hoax', 'harassing_staff', 'other'] as const;
export type TWebchatBlockReason = (typeof webchatBlockReasons)[number];

export type TWebchatBlockDeps = {
  db: TDatabase;
  config: Pick<TConfig, 'HMAC_KEY'>;
  sessions: TWebchatSessions;
  inbox: () => TChatInbox | null;
  /** Tells the visitor's page, on whichever node it is connected, and closes its sockets. */
  closeVisitor: (ref: string) => Promise<void>;
};

const scoped = (actor: TActor, hotline: string) =>
  actor.role === 'administrator' || actor.hotlines.includes(hotline);

/**
 * Blocks the visitor of a live web chat (by the keyed hash of their address, for `hours`) and ends
 * that chat: the page is told politely and disconnected, the chat module hears the visitor left.
 * The block and its audit row commit together; a chat of another hotline reads as not found.
 */
export async function blockWebVisitor(
  deps: TWebchatBlockDeps,
  actor: TActor,
  input: { conversationRef: string; reason: TWebchatBlockReason; hours: number },
) {
  const session = await deps.sessions.byRef(input.conversationRef);
  if (!session || !scoped(actor, session.hotline)) throw new AppError('NOT_FOUND');
  const block = await deps.db.transaction(async (tx) => {
    const row = await insertBlock(tx, {
      visitorHash: session.visitorHash,
      hotline: session.hotline,
      reason: input.reason,
      expiresAt: new Date(Date.now() + input.hours * 3_600_000),
      by: actor.userId,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'webchat.visitor_blocked',
      entityType: 'webchat_block',
      entityId: row.id,
      data: { hotline: session.hotline, reason: input.reason, hours: input.hours },
    });
    return row;
  });
  await deps.closeVisitor(session.ref);
  await deps.sessions.end(session.ref);
  await deps.inbox()?.end({ provider: 'web', ref: session.ref }, 'counsellor');
  return block;
}

export async function liftWebVisitorBlock(
  deps: Pick<TWebchatBlockDeps, 'db' | 'config'>,
  actor: TActor,
  id: string,
) {
  await deps.db.transaction(async (tx) => {
    const row = await deleteBlock(tx, id);
    if (!row || (row.hotline && !scoped(actor, row.hotline))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'webchat.block_lifted',
      entityType: 'webchat_block',
      entityId: id,
      data: { hotline: row.hotline },
    });
  });
}

/** Blocks still running that the actor may lift: every hotline's for an administrator. */
export async function runningWebVisitorBlocks(deps: Pick<TWebchatBlockDeps, 'db'>, actor: TActor) {
  const rows = await activeBlocks(deps.db, actor.role === 'administrator' ? 'all' : actor.hotlines);
  return rows.map((r) => ({
    ...r,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}

import { and, asc, eq, lt } from 'drizzle-orm';
import { chatAttachments } from '../../../db/schema/chat';
import type { TChatAttachment, TChatAttachmentMeta } from '../../contracts/chat';
import type { TDatabase } from '../../infra/database';
import type { TDbOrTx } from '../audit/audit.repository';
import { decryptField, encryptField } from '../crypto/field-cipher';
import type { TKeyring } from '../crypto/keyring';

export type TAttachmentRow = typeof chatAttachments.$inferSelect;

const ctx = (column: 'filename_enc' | 'content_enc', id: string) => ({
  table: 'chat_attachments',
  column,
  rowId: id,
});

/**
 * One row per file an inbound message announced, written in the message's own transaction: a
 * stored message never lacks the record of its files, even if the fetch never happens.
 */
export async function insertAttachmentRows(
  tx: TDbOrTx,
  keyring: TKeyring,
  input: { conversationId: string; messageId: string; attachments: TChatAttachmentMeta[] },
): Promise<void> {
  if (!input.attachments.length) return;
  await tx
    .insert(chatAttachments)
    .values(
      input.attachments.map((a, position) => {
        const id = crypto.randomUUID();
        return {
          id,
          conversationId: input.conversationId,
          messageId: input.messageId,
          position,
          providerMediaRef: a.providerMediaRef,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          filenameEnc: a.filename
            ? encryptField(keyring, ctx('filename_enc', id), a.filename)
            : null,
        };
      }),
    )
    .onConflictDoNothing();
}

export function chatAttachmentsRepository(db: TDatabase, keyring: TKeyring) {
  const view = (row: TAttachmentRow): TChatAttachment => ({
    id: row.id,
    messageId: row.messageId,
    filename: row.filenameEnc
      ? decryptField(keyring, ctx('filename_enc', row.id), row.filenameEnc)
      : null,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    state: row.state,
    failure: row.failure,
    at: row.createdAt.toISOString(),
  });

  return {
    view,

    /** Files still to fetch, oldest first, that have not used up their attempts. */
    async pending(maxAttempts: number, limit = 20): Promise<TAttachmentRow[]> {
      return db
        .select()
        .from(chatAttachments)
        .where(and(eq(chatAttachments.state, 'pending'), lt(chatAttachments.attempts, maxAttempts)))
        .orderBy(asc(chatAttachments.createdAt))
        .limit(limit);
    },

    async byMessage(messageId: string): Promise<TAttachmentRow[]> {
      return db.select().from(chatAttachments).where(eq(chatAttachments.messageId, messageId));
    },

    /** Keeps the bytes encrypted with their SHA-256; only a row still pending is written. */
    async markStored(id: string, stored: { bytes: Buffer; sha256: string; contentType: string }) {
      await db
        .update(chatAttachments)
        .set({
          state: 'stored',
          failure: null,
          contentEnc: encryptField(
            keyring,
            ctx('content_enc', id),
            stored.bytes.toString('base64'),
          ),
          sha256: stored.sha256,
          sizeBytes: stored.bytes.length,
          contentType: stored.contentType,
          storedAt: new Date(),
        })
        .where(and(eq(chatAttachments.id, id), eq(chatAttachments.state, 'pending')));
    },

    async markNotKept(
      id: string,
      state: 'failed' | 'refused',
      failure: NonNullable<TAttachmentRow['failure']>,
    ) {
      await db
        .update(chatAttachments)
        .set({ state, failure })
        .where(and(eq(chatAttachments.id, id), eq(chatAttachments.state, 'pending')));
    },

    async countAttempt(id: string, attempts: number) {
      await db.update(chatAttachments).set({ attempts }).where(eq(chatAttachments.id, id));
    },

    async list(conversationId: string, on: TDbOrTx = db): Promise<TChatAttachment[]> {
      const rows = await on
        .select()
        .from(chatAttachments)
        .where(eq(chatAttachments.conversationId, conversationId))
        .orderBy(asc(chatAttachments.createdAt), asc(chatAttachments.position));
      return rows.map(view);
    },

    async one(conversationId: string, id: string): Promise<TAttachmentRow | undefined> {
      const [row] = await db
        .select()
        .from(chatAttachments)
        .where(and(eq(chatAttachments.id, id), eq(chatAttachments.conversationId, conversationId)));
      return row;
    },

    content(row: TAttachmentRow): Buffer {
      if (!row.contentEnc) throw new Error('attachment not stored');
      return Buffer.from(
        decryptField(keyring, ctx('content_enc', row.id), row.contentEnc),
        'base64',
      );
    },
  };
}

export type TChatAttachmentsRepository = ReturnType<typeof chatAttachmentsRepository>;

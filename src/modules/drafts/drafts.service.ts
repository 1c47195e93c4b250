import { createHash } from 'node:crypto';
import { AppError } from '../../errors/catalogue';
import type { TActor } from '../auth/actor';
import type { TRecordsDeps } from '../cases/records.deps';
import { decryptField, encryptField } from '../crypto/field-cipher';
import { keyringOf } from '../crypto/keyring';
import { draftsRepository } from './drafts.repository';

/** `call:<CallSid>` for the form of a call, `chat:<conversation id>` for a chat's, `offline` for the walk-in form. */
export const DRAFT_KEY =
  /^(call:CA[0-9a-fA-F]{32}|chat:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|offline)$/;
/** A whole contact form is a few kilobytes; anything far larger is not a form. */
export const MAX_DRAFT_BYTES = 64 * 1024;
// A draft older than two shifts is not what anyone is still typing: it is dropped on read.
const MAX_AGE_MS = 24 * 3600_000;

export type TDraft = { savedAt: number; data: Record<string, unknown> };

/** Stable per owner and key, so a save is one upsert and the ciphertext is bound to its row. */
export function draftId(ownerId: string, draftKey: string): string {
  const h = createHash('sha256').update(`${ownerId}\u0000${draftKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const field = (id: string) => ({ table: 'contact_drafts', column: 'data_enc', rowId: id });

/** Only the counsellor who types a draft ever reads it: every query is keyed by the actor. */
export async function saveDraft(
  deps: TRecordsDeps,
  actor: TActor,
  draftKey: string,
  draft: TDraft,
): Promise<{ stored: boolean }> {
  const plaintext = JSON.stringify(draft.data);
  if (Buffer.byteLength(plaintext) > MAX_DRAFT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const id = draftId(actor.userId, draftKey);
  const stored = await draftsRepository(deps.db).upsert({
    id,
    ownerId: actor.userId,
    draftKey,
    dataEnc: encryptField(keyringOf(deps.config), field(id), plaintext),
    savedAt: new Date(draft.savedAt),
  });
  return { stored };
}

export async function loadDraft(
  deps: TRecordsDeps,
  actor: TActor,
  draftKey: string,
  now = new Date(),
): Promise<TDraft | null> {
  const repo = draftsRepository(deps.db);
  const row = await repo.find(actor.userId, draftKey);
  if (!row) return null;
  if (now.getTime() - row.updatedAt.getTime() > MAX_AGE_MS) {
    await repo.remove(actor.userId, draftKey);
    return null;
  }
  const data = JSON.parse(
    decryptField(keyringOf(deps.config), field(row.id), row.dataEnc),
  ) as Record<string, unknown> | null;
  return { savedAt: row.savedAt.getTime(), data: data ?? {} };
}

export async function discardDraft(deps: TRecordsDeps, actor: TActor, draftKey: string) {
  await draftsRepository(deps.db).remove(actor.userId, draftKey);
}

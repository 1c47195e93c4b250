import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatConversations, chatMessages, retentionPolicies } from '../../../db/schema/index';
import { chatRepository } from '../../../src/modules/chat/chat.repository';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { applyRetention } from '../../../src/modules/retention/retention.service';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { createHotline } from '../../fixtures/telephony.fixture';

let stores: TTestStores;
beforeAll(async () => {
  stores = await createTestStores();
  await createHotline(stores.database.db);
});
afterAll(async () => stores?.cleanup());

const inbound = (ref: string, at: Date) => ({
  channel: 'web' as const,
  conversationRef: { provider: 'web' as const, ref },
  providerMessageId: `web:${ref}`,
  authorAddress: `visitor-${ref}`,
  hotline: '1362',
  language: 'lo',
  text: 'ສະບາຍດີ',
  attachments: [],
  receivedAt: at.toISOString(),
});

describe('retention covers chat transcripts', () => {
  it('deletes a chat past the "contact without case" period with its messages, keeps a recent one', async () => {
    const { db, sql: raw } = stores.database;
    const repo = chatRepository(db, keyringFromConfig(stores.config));
    const old = await repo.storeInbound(
      inbound('old', new Date('2024-01-01T00:00:00Z')),
      '1362',
      'lo',
      false,
    );
    const recent = await repo.storeInbound(inbound('recent', new Date()), '1362', 'lo', false);
    await db
      .insert(retentionPolicies)
      .values({ recordType: 'contact_without_case', retainDays: 365 });
    const result = await applyRetention({ db, config: stores.config });
    expect(result.chats).toBe(1);
    const left = await db.select({ id: chatConversations.id }).from(chatConversations);
    expect(left.map((r) => r.id)).toEqual([recent.conversation.id]);
    const messages = await db.select({ c: chatMessages.conversationId }).from(chatMessages);
    expect(messages.map((m) => m.c)).not.toContain(old.conversation.id);
    const [audit] = await raw`select data from audit_log where action = 'retention.deleted'`;
    expect((audit?.data as { chats: string[] }).chats).toEqual([old.conversation.id]);
  });
});

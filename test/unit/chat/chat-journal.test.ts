import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileChatJournal, type TJournalEntry } from '../../../src/modules/chat/chat-journal';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';

const k = (n: number) => Buffer.alloc(32, n).toString('base64');
const entry = (id: string): TJournalEntry => ({
  serviceSid: 'IS1',
  message: {
    channel: 'whatsapp',
    conversationRef: { provider: 'twilio', ref: 'CH1' },
    providerMessageId: id,
    authorAddress: 'whatsapp:+66812345001',
    hotline: null,
    language: null,
    text: 'ຊ່ວຍແດ່',
    attachments: [],
    receivedAt: new Date(0).toISOString(),
  },
});
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the chat journal', () => {
  it('sets aside a message it cannot read and still gives the ones behind it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saiduan-journal-'));
    dirs.push(dir);
    // The first message was journaled under a key this node no longer has.
    const gone = fileChatJournal(
      dir,
      keyringFromConfig({ ENCRYPTION_KEYS: `k9:${k(9)}`, HMAC_KEY: k(1) }),
    );
    await gone.append(entry('IMold'));
    await new Promise((r) => setTimeout(r, 5));
    const ring = keyringFromConfig({ ENCRYPTION_KEYS: `k1:${k(1)}`, HMAC_KEY: k(1) });
    const told: string[] = [];
    const journal = fileChatJournal(dir, ring, (file) => told.push(file));
    await journal.append(entry('IMnew'));

    const pending = await journal.pending();
    expect(pending.map((p) => p.entry.message.providerMessageId)).toEqual(['IMnew']);
    expect(told).toHaveLength(1);
    // Kept, not deleted: renamed so it no longer blocks, for someone to recover with the old key.
    expect(readdirSync(dir).filter((f) => f.endsWith('.unreadable'))).toHaveLength(1);
    expect(await journal.size()).toBe(1);
  });
});

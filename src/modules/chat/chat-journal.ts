import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decryptField, encryptField } from '../crypto/field-cipher';
import type { TKeyring } from '../crypto/keyring';
import type { TInboundChatMessage } from '../../contracts/chat';

/** An inbound message not stored yet, with what the webhook knew about where it belongs. */
export type TJournalEntry = { message: TInboundChatMessage; serviceSid: string | null };

export type TChatJournal = {
  append(entry: TJournalEntry): Promise<void>;
  /** Every entry still owed to Postgres, oldest first, with the function that removes it. */
  pending(): Promise<Array<{ entry: TJournalEntry; done: () => Promise<void> }>>;
  size(): Promise<number>;
};

const ctx = (name: string) => ({ table: 'chat_journal', column: 'entry', rowId: name });

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A folder on this node's own disk holding inbound messages Postgres could not take: one file
 * per message, named by a hash of its provider id (a webhook delivered twice while Postgres is
 * down writes the same file), encrypted like any personal field, fsynced and renamed into place
 * before the webhook answers 200. Redis plays no part, so an outage of both stores loses nothing;
 * the drain inserts on the unique provider id, so a message stored meanwhile is kept once.
 */
export function fileChatJournal(
  dir: string,
  keyring: TKeyring,
  onUnreadable: (file: string, err: unknown) => void = () => {},
): TChatJournal {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    async append(entry) {
      const name = createHash('sha256').update(entry.message.providerMessageId).digest('hex');
      const sealed = encryptField(keyring, ctx(name), JSON.stringify(entry));
      // The file name starts with the arrival time so the drain replays in arrival order.
      const final = join(dir, `${Date.now().toString().padStart(15, '0')}-${name}.msg`);
      const temp = `${final}.tmp`;
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(sealed, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, final);
      await fsyncPath(dir, 'r');
    },
    async pending() {
      const names = (await readdir(dir)).filter((n) => n.endsWith('.msg')).sort();
      const out: Array<{ entry: TJournalEntry; done: () => Promise<void> }> = [];
      for (const file of names) {
        const path = join(dir, file);
        const text = await readFile(path, 'utf8').catch(() => null);
        if (text === null) continue; // drained by a sibling process meanwhile
        const name = file.slice(16, -4);
        let entry: TJournalEntry;
        try {
          entry = JSON.parse(decryptField(keyring, ctx(name), text)) as TJournalEntry;
        } catch (err) {
          // Its key left the keyring, or the file is damaged: set it aside (kept, renamed, and
          // reported) so the messages behind it are still stored.
          await rename(path, `${path}.unreadable`).catch(() => {});
          onUnreadable(file, err);
          continue;
        }
        out.push({ entry, done: () => unlink(path).catch(() => {}) });
      }
      return out;
    },
    async size() {
      return (await readdir(dir)).filter((n) => n.endsWith('.msg')).length;
    },
  };
}

/**
 * The only copy of a draft the browser keeps: in memory, for a few minutes. It bridges a session
 * expiry (the re-auth dialog, a failed save retried) without writing personal data to disk;
 * the server copy is what survives a reload. Wiped when anyone signs out.
 */
const TTL_MS = 15 * 60_000;
// The auth feature's sign-out event (features do not import each other).
const SIGNED_OUT_EVENT = 'saiduan:signed-out';

type TEntry = { userId: string; savedAt: number; data: object; until: number };
const entries = new Map<string, TEntry>();

export function remember(key: string, userId: string, savedAt: number, data: object): void {
  entries.set(key, { userId, savedAt, data, until: Date.now() + TTL_MS });
}

export function recall(key: string, userId: string): { savedAt: number; data: object } | null {
  const entry = entries.get(key);
  if (!entry || entry.userId !== userId || entry.until < Date.now()) {
    entries.delete(key);
    return null;
  }
  return entry;
}

export function forget(key: string): void {
  entries.delete(key);
}

if (typeof window !== 'undefined') window.addEventListener(SIGNED_OUT_EVENT, () => entries.clear());

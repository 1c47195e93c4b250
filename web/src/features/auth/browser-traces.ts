/** Fired on sign-out; features holding personal data in memory (the desk's drafts) drop it. */
export const SIGNED_OUT_EVENT = 'saiduan:signed-out';
// The interface language is a preference of the computer, not of the person signed in.
const KEEP = new Set(['saiduan.ui-language']);

/**
 * Leaves nothing of the signed-out user in this browser: app keys in localStorage (drafts of
 * older versions included), sessionStorage, IndexedDB databases, and in-memory copies.
 */
export async function wipeBrowserTraces(): Promise<void> {
  window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  for (const key of Object.keys(localStorage)) if (!KEEP.has(key)) localStorage.removeItem(key);
  sessionStorage.clear();
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases.map(
      (db) =>
        new Promise<void>((resolve) => {
          if (!db.name) return resolve();
          const request = indexedDB.deleteDatabase(db.name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

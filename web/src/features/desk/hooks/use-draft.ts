import { useCallback, useEffect, useRef, useState } from 'react';

export type TDraftStatus = 'clean' | 'pending' | 'saved-locally' | 'saved';
export type TDraftSync = {
  load: () => Promise<unknown>;
  save: (data: unknown) => Promise<void>;
  discard: () => Promise<void>;
};

const LOCAL_DELAY_MS = 300;
const SERVER_DELAY_MS = 1500;
// A draft older than a shift is not what anyone is still typing.
const MAX_AGE_MS = 16 * 3600_000;

type TStored<T> = { savedAt: number; data: T };

function readLocal<T>(key: string): TStored<T> | null {
  try {
    const raw = localStorage.getItem(key);
    const stored = raw ? (JSON.parse(raw) as TStored<T>) : null;
    if (stored && Date.now() - stored.savedAt < MAX_AGE_MS) return stored;
    localStorage.removeItem(key);
  } catch {
    // unreadable: start empty
  }
  return null;
}

/**
 * A form value saved as it is typed: to localStorage at once (survives a reload or a crash) and,
 * when a server sync is given, to the server a moment later (survives a lost laptop or another
 * desk). On load the newer of the two wins.
 */
export function useDraft<T extends object>(key: string, initial: T, sync?: TDraftSync) {
  const [value, setValue] = useState<T>(() => ({ ...initial, ...readLocal<T>(key)?.data }));
  const [status, setStatus] = useState<TDraftStatus>(() =>
    readLocal(key) ? 'saved-locally' : 'clean',
  );
  const serverTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const localTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const syncRef = useRef(sync);
  syncRef.current = sync;
  // The initial value only seeds a new draft; effects must not re-run on its identity.
  const initialRef = useRef(initial);

  useEffect(() => {
    let cancelled = false;
    const local = readLocal<T>(key);
    void syncRef.current
      ?.load()
      .then((remote) => {
        const r = remote as TStored<T> | null;
        if (!cancelled && r && (!local || r.savedAt > local.savedAt)) {
          setValue({ ...initialRef.current, ...r.data });
          localStorage.setItem(key, JSON.stringify(r));
          setStatus('saved');
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [key]);

  const update = useCallback(
    (patch: Partial<T>) => {
      setValue((prev) => {
        const next = { ...prev, ...patch };
        setStatus('pending');
        if (localTimer.current) clearTimeout(localTimer.current);
        localTimer.current = setTimeout(() => {
          const stored: TStored<T> = { savedAt: Date.now(), data: next };
          localStorage.setItem(key, JSON.stringify(stored));
          setStatus('saved-locally');
          if (!syncRef.current) return;
          if (serverTimer.current) clearTimeout(serverTimer.current);
          serverTimer.current = setTimeout(() => {
            void syncRef.current
              ?.save(stored)
              .then(() => setStatus((s) => (s === 'saved-locally' ? 'saved' : s)))
              .catch(() => undefined);
          }, SERVER_DELAY_MS);
        }, LOCAL_DELAY_MS);
        return next;
      });
    },
    [key],
  );

  const clear = useCallback(async () => {
    if (localTimer.current) clearTimeout(localTimer.current);
    if (serverTimer.current) clearTimeout(serverTimer.current);
    localStorage.removeItem(key);
    setValue(initialRef.current);
    setStatus('clean');
    await syncRef.current?.discard().catch(() => undefined);
  }, [key]);

  return { value, update, status, clear };
}

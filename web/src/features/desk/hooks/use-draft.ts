import { useCallback, useEffect, useRef, useState } from 'react';
import { useUser } from '../../../shared/session/session-context';
import { discardDraft, loadDraft, saveDraft } from '../api/drafts.api';
import { forget, recall, remember } from './draft-memory';

export type TDraftStatus = 'clean' | 'pending' | 'saved' | 'retrying';

const SAVE_DELAY_MS = 700;
const RETRY_MS = 5000;

/**
 * A form value saved on the server as it is typed (debounced), encrypted there, and restored
 * on reload. Nothing goes to localStorage: only a short-lived memory copy (see draft-memory).
 * A save that fails (network, expired session) is retried; the form keeps what was typed.
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const { userId } = useUser();
  const [value, setValue] = useState<T>(() => ({
    ...initial,
    ...(recall(key, userId)?.data as Partial<T> | undefined),
  }));
  const [status, setStatus] = useState<TDraftStatus>(() =>
    recall(key, userId) ? 'pending' : 'clean',
  );
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<{ savedAt: number; data: T } | null>(null);
  // The initial value only seeds a new draft; effects must not re-run on its identity.
  const initialRef = useRef(initial);
  const typedSince = useRef(false);

  const push = useCallback(() => {
    const draft = latest.current;
    if (!draft) return;
    void saveDraft(key, draft as { savedAt: number; data: Record<string, unknown> })
      .then(() => {
        if (latest.current === draft) setStatus('saved');
      })
      .catch(() => {
        setStatus('retrying');
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(push, RETRY_MS);
      });
  }, [key]);

  useEffect(() => {
    let cancelled = false;
    const memory = recall(key, userId);
    // A memory copy newer than the server's was not saved yet (e.g. the session expired).
    if (memory) {
      latest.current = memory as { savedAt: number; data: T };
      push();
    }
    void loadDraft(key)
      .then((remote) => {
        if (cancelled || !remote || typedSince.current) return;
        if (memory && memory.savedAt >= remote.savedAt) return;
        setValue({ ...initialRef.current, ...(remote.data as Partial<T>) });
        setStatus('saved');
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [key, userId, push]);

  const update = useCallback(
    (patch: Partial<T>) => {
      typedSince.current = true;
      setValue((prev) => {
        const next = { ...prev, ...patch };
        const savedAt = Date.now();
        latest.current = { savedAt, data: next };
        remember(key, userId, savedAt, next);
        return next;
      });
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(push, SAVE_DELAY_MS);
    },
    [key, userId, push],
  );

  /** After the contact is saved (or discarded): the draft is gone here and on the server. */
  const clear = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    latest.current = null;
    forget(key);
    setValue(initialRef.current);
    setStatus('clean');
    await discardDraft(key).catch(() => undefined);
  }, [key]);

  return { value, update, status, clear };
}

/** Result of a store operation that must not hold up or fail a caller's webhook. */
export type TGuarded<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs a Postgres or Redis operation with its own time limit. A failure or a timeout becomes
 * `{ ok: false }` so the webhook can carry on with what it knows (and record the write later).
 */
export async function guard<T>(work: () => Promise<T>, timeoutMs: number): Promise<TGuarded<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<TGuarded<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), Math.max(1, timeoutMs));
  });
  try {
    return await Promise.race([
      work().then(
        (value): TGuarded<T> => ({ ok: true, value }),
        (): TGuarded<T> => ({ ok: false }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

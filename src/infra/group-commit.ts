/** One item waiting for its group's write, with the promise its caller awaits. */
export type TGroupWaiter<TItem, TResult> = {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (err: unknown) => void;
};

const MAX_BATCH = 200;

/**
 * Group commit: an item goes out at once when no write is in flight; those arriving meanwhile
 * leave together in the next `send` (at most MAX_BATCH). A quiet line pays no wait, a surge pays
 * one round trip and one commit per batch. `send` settles every waiter of its batch.
 */
export function groupCommit<TItem, TResult>(
  send: (batch: Array<TGroupWaiter<TItem, TResult>>) => Promise<void>,
): (item: TItem) => Promise<TResult> {
  let waiting: Array<TGroupWaiter<TItem, TResult>> = [];
  let busy = false;

  async function drain(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      while (waiting.length) {
        const batch = waiting.slice(0, MAX_BATCH);
        waiting = waiting.slice(MAX_BATCH);
        await send(batch);
      }
    } finally {
      busy = false;
    }
  }

  return (item) =>
    new Promise<TResult>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      void drain();
    });
}

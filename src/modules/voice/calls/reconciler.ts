import type { FastifyBaseLogger } from 'fastify';
import type { TReconciliationBuffer } from './reconciliation-buffer';

/**
 * Replays writes that webhooks could not make while Postgres or Redis was down, every
 * `intervalMs`, until they all succeed. One run at a time.
 */
export function startReconciler(
  buffer: TReconciliationBuffer,
  log: FastifyBaseLogger,
  intervalMs = 2000,
): { stop: () => void; runOnce: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    if (buffer.size() === 0) return Promise.resolve();
    running = buffer
      .flush()
      .then(
        ({ replayed, remaining }) => {
          if (replayed) log.info({ replayed, remaining }, 'telephony writes reconciled');
        },
        (err: unknown) => log.warn({ err }, 'telephony reconciliation failed'),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}

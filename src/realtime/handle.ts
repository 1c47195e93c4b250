import type { z } from 'zod';
import type { TRealtimeErrorCode } from '../contracts/realtime';
import type { TActor } from '../modules/auth/actor';
import { RoutingError } from '../modules/routing/routing.context';
import type { TSocket } from './realtime.server';
import { liveActor } from './session-guard';

type TLog = { error(obj: object, msg: string): void };

/**
 * Registers one client→server event: validates the payload with its zod schema, runs the
 * handler with the actor as of now (the session is re-read first), and answers `{ data }` or `{ error: code }`. Internal errors never reach the client.
 */
export function handle<S extends z.ZodType, R>(
  socket: TSocket,
  log: TLog,
  event: string,
  schema: S,
  run: (actor: TActor, payload: z.output<S>) => Promise<R>,
  allowed: (actor: TActor) => boolean = () => true,
): void {
  const on = socket.on.bind(socket) as (
    e: string,
    fn: (payload: unknown, ack: unknown) => void,
  ) => void;
  on(event, (payload, ack) => {
    const reply = (res: { data: R } | { error: TRealtimeErrorCode }) => {
      if (typeof ack === 'function') (ack as (r: typeof res) => void)(res);
    };
    liveActor(socket)
      .then((actor) => {
        if (!actor) {
          reply({ error: 'UNAUTHENTICATED' });
          socket.disconnect(true);
          return;
        }
        if (!allowed(actor)) return reply({ error: 'FORBIDDEN' });
        const parsed = schema.safeParse(payload ?? {});
        if (!parsed.success) return reply({ error: 'VALIDATION_FAILED' });
        return run(actor, parsed.data).then((data) => reply({ data }));
      })
      .catch((err: unknown) => {
        if (err instanceof RoutingError) return reply({ error: err.code });
        log.error({ err, event }, 'socket handler failed');
        reply({ error: 'INTERNAL' });
      });
  });
}

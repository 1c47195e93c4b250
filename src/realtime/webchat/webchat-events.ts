import type { z } from 'zod';
import type { TWebchatAck, TWebchatErrorCode } from '../../contracts/webchat';
import type { TWebchatContext, TWebchatSocket } from './webchat.context';

/** A refusal the visitor is told (its code), as opposed to a failure that is logged. */
export class Refused extends Error {
  constructor(readonly code: TWebchatErrorCode) {
    super(code);
  }
}

/** One client event: payload checked with zod, `{ data } | { error }` answered, no internals leaked. */
export function on<S extends z.ZodType, R>(
  socket: TWebchatSocket,
  ctx: TWebchatContext,
  event: string,
  schema: S,
  run: (payload: z.output<S>) => Promise<R>,
): void {
  const listen = socket.on.bind(socket) as (
    e: string,
    fn: (p: unknown, a: unknown) => void,
  ) => void;
  listen(event, (payload, ack) => {
    const reply = (res: TWebchatAck<R>) => {
      if (typeof ack === 'function') (ack as (r: TWebchatAck<R>) => void)(res);
    };
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) return reply({ error: 'VALIDATION_FAILED' });
    run(parsed.data)
      .then((data) => reply({ data }))
      .catch((err: unknown) => {
        if (err instanceof Refused) return reply({ error: err.code });
        ctx.log.error({ err, event }, 'web chat event failed');
        reply({ error: 'UNAVAILABLE' });
      });
  });
}

/** What a stray rejection is logged with: what kind of error and where, never its data. */
export type TStrayRejection = { type: string; errorCode?: string; stack?: string };

type TLog = { error(obj: object, msg: string): void };

/**
 * What of a rejection reason is safe to log. Its message and properties can carry what the
 * failing call was given (a Postgres error's `detail` holds the row's values, a Twilio error the
 * number dialled): only the error's kind, its code and the frames of its stack go to the log
 * (as `errorCode`: the logger redacts any key named `code`, which can be a sign-in code).
 */
export function strayRejection(reason: unknown): TStrayRejection {
  if (!(reason instanceof Error)) return { type: typeof reason };
  const code = (reason as { code?: unknown }).code;
  const frames = reason.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  return {
    type: reason.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { errorCode: String(code) } : {}),
    ...(frames?.length ? { stack: frames.join('\n') } : {}),
  };
}

/**
 * A promise some library dropped without a handler (a reconnecting Redis client, a socket
 * adapter's subscription during a failover) is logged, and the process carries on. Node's
 * default is to exit, which on an API node hangs up every call it is bridging and drops every
 * desk it holds, for a promise nobody was waiting on. A thrown exception (`uncaughtException`)
 * still ends the process: its state can no longer be trusted, and the orchestrator restarts it.
 */
export function keepRunningOnStrayRejections(log: TLog): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ rejection: strayRejection(reason) }, 'a promise was rejected with no handler');
  });
}

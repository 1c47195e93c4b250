/** How one attempt at a Twilio REST request ended, as the transport saw it. */
export type TFailedAttempt = {
  error: unknown;
  /** Written on a kept-alive connection that had already carried an answer. */
  reusedConnection: boolean;
  /** Any of the answer (its status line and headers) had arrived. */
  answerStarted: boolean;
};

/**
 * Whether a request failed only because the kept-alive connection it was written on had already
 * been closed by the other side while idle: closed or reset before any answer, on a reused
 * connection. The request never reached the server, so sending it again on a fresh connection is
 * safe, even a POST: it is what Node's documentation advises (`request.reusedSocket`). A loaded
 * API notices the server's close late (its event loop is behind), and a close can cross the
 * request on the wire, so this happens at Twilio's idle timeout whatever our own idle timer says;
 * a bridge that failed this way put the caller back in line and offered them a second time.
 */
export function failedOnStaleConnection(attempt: TFailedAttempt): boolean {
  if (!attempt.reusedConnection || attempt.answerStarted) return false;
  if (typeof attempt.error !== 'object' || attempt.error === null) return false;
  const { code } = attempt.error as { code?: unknown };
  // undici's "other side closed" (a FIN before the answer), or a reset / broken pipe.
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

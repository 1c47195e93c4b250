/**
 * Whether a request failed only because the kept-alive connection it was written on had already
 * been closed by the other side while idle ("socket hang up" on a reused socket). The request
 * never reached the server, so sending it again on a fresh connection is safe, even a POST: it is
 * what Node's documentation advises (`request.reusedSocket`). A loaded API notices the server's
 * close late (its event loop is behind), so this happens at Twilio's idle timeout whatever our
 * own idle timer says; a bridge that failed this way put the caller back in line and offered
 * them a second time.
 */
export function failedOnStaleConnection(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, request } = err as { code?: unknown; request?: { reusedSocket?: unknown } };
  return code === 'ECONNRESET' && request?.reusedSocket === true;
}

import type { TRealtimeErrorCode } from '../../contracts/realtime';

/** A failure a counsellor's client can act on; becomes `{ error: code }` in the socket ack. */
export class RoutingError extends Error {
  override name = 'RoutingError';
  constructor(readonly code: TRealtimeErrorCode) {
    super(code);
  }
}

import type { TCounsellorView, TOfferView, TOfferWithdrawnReason } from '../../contracts/realtime';

/**
 * How routing tells browsers what changed. The Socket.IO implementation (src/realtime) reaches
 * sockets on every API node through the Redis adapter.
 */
export type TRoutingNotifier = {
  /** The offer carries its task's channel, known since the task was queued. */
  offered(userId: string, offer: TOfferView): void;
  withdrawn(userId: string, offerId: string, reason: TOfferWithdrawnReason): void;
  presence(view: TCounsellorView): void;
  queueChanged(hotline: string): void;
  connected(userId: string, callSid: string, conferenceName: string): void;
  ended(userId: string, callSid: string): void;
  callback(hotline: string, payload: { taskId: string; status: string; hotline: string }): void;
};

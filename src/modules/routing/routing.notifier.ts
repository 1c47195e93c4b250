import type { TCounsellorView, TOfferView, TOfferWithdrawnReason } from '../../contracts/realtime';

/** An offer as routing announces it; the channel is filled from the task id when not given. */
export type TOfferNotice = Omit<TOfferView, 'channel'> & Partial<Pick<TOfferView, 'channel'>>;

/**
 * How routing tells browsers what changed. The Socket.IO implementation (src/realtime) reaches
 * sockets on every API node through the Redis adapter.
 */
export type TRoutingNotifier = {
  offered(userId: string, offer: TOfferNotice): void;
  withdrawn(userId: string, offerId: string, reason: TOfferWithdrawnReason): void;
  presence(view: TCounsellorView): void;
  queueChanged(hotline: string): void;
  connected(userId: string, callSid: string, conferenceName: string): void;
  ended(userId: string, callSid: string): void;
  callback(hotline: string, payload: { taskId: string; status: string; hotline: string }): void;
};

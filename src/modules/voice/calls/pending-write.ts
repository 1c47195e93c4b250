import type { TWaitingCaller } from '../../routing/waiting-queue.repository';
import type { TCallEvent, TCallUpdate, TNewCall } from './call-records';
import type { TCallStatus } from './call-state.policy';

/** A write a webhook could not make because Postgres or Redis was down or slow. */
export type TPendingWrite =
  | { type: 'call'; call: TNewCall }
  | { type: 'update'; update: TCallUpdate }
  | { type: 'event'; event: TCallEvent }
  | {
      type: 'status';
      status: TCallStatus;
      sequenceNumber?: number;
      durationSeconds?: number;
      at: Date;
    }
  | { type: 'queue-add'; caller: TWaitingCaller }
  | { type: 'queue-remove'; hotline: string; result: string };

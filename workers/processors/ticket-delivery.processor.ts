import { UnrecoverableError } from 'bullmq';
import { deliverOnce } from '../../src/modules/referrals/delivery/deliver.service';
import { smsSender } from '../../src/modules/referrals/delivery/sms-sender.provider';
import { ticketNotifier } from '../../src/modules/referrals/tickets/ticket-notifier.provider';
import type { TProcessor } from '../processor';

/** Throws to let BullMQ retry with backoff; 4xx answers end the job at once. */
export const ticketDeliveryProcessor: TProcessor<{ deliveryId: string }> = async (
  payload,
  { job, deps },
) => {
  const attempts = job.opts.attempts ?? 1;
  const outcome = await deliverOnce(
    {
      db: deps.db,
      config: deps.config,
      notifier: ticketNotifier(deps.emitter),
      sendSms: smsSender(deps.config),
    },
    payload.deliveryId,
    { isLast: job.attemptsMade + 1 >= attempts },
    new Date(),
  );
  if (outcome.result === 'give_up') throw new UnrecoverableError(outcome.error);
  if (outcome.result === 'retry') throw new Error(outcome.error);
  return outcome.result;
};

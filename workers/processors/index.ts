import type { TProcessor } from '../processor';
import { followUpReminderProcessor } from './follow-up-reminder.processor';
import { importRunProcessor } from './import-run.processor';
import { keyRotationProcessor } from './key-rotation.processor';
import { retentionProcessor } from './retention.processor';
import { referralDispatchProcessor } from './referral-dispatch.processor';
import { referralReconcileProcessor } from './referral-reconcile.processor';
import { referralReleaseProcessor } from './referral-release.processor';
import { reportRefreshProcessor } from './report-refresh.processor';
import { ticketDeliveryProcessor } from './ticket-delivery.processor';
import { ticketSlaSweepProcessor, ticketSlaTimerProcessor } from './ticket-sla.processor';

/** Job name → processor. Every contract in src/jobs/index.ts needs an entry here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const processors: Record<string, TProcessor<any>> = {
  'key-rotation': keyRotationProcessor,
  'retention-sweep': retentionProcessor,
  'referral-dispatch': referralDispatchProcessor,
  'ticket-delivery': ticketDeliveryProcessor,
  'ticket-sla-timer': ticketSlaTimerProcessor,
  'ticket-sla-sweep': ticketSlaSweepProcessor,
  'referral-reconcile': referralReconcileProcessor,
  'referral-release': referralReleaseProcessor,
  'report-refresh': reportRefreshProcessor,
  'follow-up-reminder': followUpReminderProcessor,
  'import-run': importRunProcessor,
};

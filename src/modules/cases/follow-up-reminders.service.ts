import type { JobQueues } from '../../jobs/job-queues';
import { followUpReminderJob } from '../../jobs/follow-up-reminder.job';
import { reminderDelayMs } from './follow-up-due.policy';

/**
 * The reminder of a new follow-up: a delayed job keyed by the follow-up, due on its day (adding
 * it twice is a no-op). Redis being down does not undo the follow-up: it is on the assignee's
 * list from its due day whether reminded or not, so the caller only logs a failure.
 */
export async function scheduleFollowUpReminder(
  queues: JobQueues,
  followUp: { id: string; dueOn: string },
  now: Date,
): Promise<void> {
  await queues.enqueue(
    followUpReminderJob,
    { followUpId: followUp.id },
    { delay: reminderDelayMs(followUp.dueOn, now) },
  );
}

/** A finished follow-up's reminder is dropped; the processor would skip it anyway (tidiness). */
export async function dropFollowUpReminder(queues: JobQueues, followUpId: string): Promise<void> {
  await queues.queue(followUpReminderJob.name).remove(followUpReminderJob.jobId({ followUpId }));
}

/**
 * What routing routes: a task, one piece of work for one counsellor. Routing knows a task's
 * channel, hotline, language, priority and skills, never what carries it (a call, a chat): each
 * channel's module (voice, chat) turns its own traffic into tasks and connects the counsellor
 * who accepts one (channel-connectors.ts).
 *
 * A task's id is unique across channels; a voice task's id is its call's SID. The realtime
 * contract names it `taskId`; routing's Redis hash fields and the connectors' `TAcceptedTask`
 * still name it `callSid` (renaming stored fields would strand the tasks of a rolling deploy).
 */
export const taskChannels = ['voice', 'chat'] as const;
export type TChannel = (typeof taskChannels)[number];

/** Calls waiting in line, and call-backs a counsellor places (voice only). */
export type TTaskKind = 'inbound' | 'callback';

export type TTask = {
  taskId: string;
  channel: TChannel;
  hotline: string;
  language: string;
  /** First time the task entered the queue (ms since epoch); never changes when it goes back. */
  enqueuedAt: number;
  /** Milliseconds moved forward in the queue (child caller, imminent danger). */
  priorityBoostMs: number;
  /**
   * Skills a counsellor needs besides the hotline and the language. None is routed on yet: the
   * field is here so a channel can state them without the task changing shape.
   */
  skills?: readonly string[];
};

/** A task a counsellor has just accepted, as the channel's connector receives it. */
export type TAcceptedTask = {
  callSid: string;
  channel: TChannel;
  hotline: string;
  language: string;
  enqueuedAt: number;
  kind: TTaskKind;
};

export function isChannel(value: string | null | undefined): value is TChannel {
  return (taskChannels as readonly string[]).includes(value ?? '');
}

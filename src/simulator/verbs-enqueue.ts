import {
  Interrupted,
  LeaveQueue,
  type TCallEngine,
  type TStep,
  type TExecute,
} from './call-engine';
import { newSid } from './sim-ids';
import type { TSimCall, TSimQueue } from './sim-state';
import type { TTwimlNode } from './twiml-parser';

/** Twilio creates a queue the first time a call is enqueued under a new name. */
export function queueByName(engine: TCallEngine, friendlyName: string): TSimQueue {
  for (const q of engine.state.queues.values()) if (q.friendlyName === friendlyName) return q;
  const queue: TSimQueue = {
    sid: newSid('QU'),
    friendlyName,
    maxSize: 100,
    createdAt: new Date(),
    members: [],
  };
  engine.state.queues.set(queue.sid, queue);
  return queue;
}

function waitParams(queue: TSimQueue, callSid: string, enqueuedAt: number, msPerSecond: number) {
  const position = queue.members.findIndex((m) => m.callSid === callSid) + 1;
  return {
    QueueSid: queue.sid,
    QueuePosition: String(position),
    QueueTime: String(Math.round((Date.now() - enqueuedAt) / msPerSecond)),
    AvgQueueTime: '0',
    CurrentQueueSize: String(queue.members.length),
    MaxQueueSize: String(queue.maxSize),
  };
}

/** Runs the waitUrl document (and any Gather action or Redirect it leads to) once. */
async function waitRound(
  execute: TExecute,
  engine: TCallEngine,
  call: TSimCall,
  url: string,
  params: Record<string, string>,
): Promise<'again' | 'hangup'> {
  let step: TStep = { kind: 'goto', url, params };
  while (step.kind === 'goto') {
    const doc = await engine.fetchTwiml(call, step.url, step.params ?? {});
    if (!doc) {
      await engine.sleep(call, 5); // Twilio keeps the caller queued with its own hold music
      return 'again';
    }
    step = await execute(engine, call, doc, step.url, { inWait: true });
  }
  return step.kind === 'hangup' ? 'hangup' : 'again';
}

/**
 * `<Enqueue>`: the caller waits (waitUrl loop) until they leave (`<Leave>`), hang up, or the REST
 * API dequeues them to a URL; then the action URL learns the QueueResult.
 */
export async function runEnqueue(
  execute: TExecute,
  engine: TCallEngine,
  call: TSimCall,
  node: TTwimlNode,
  docUrl: string,
): Promise<TStep | null> {
  const queue = queueByName(engine, node.text);
  const enqueuedAt = Date.now();
  queue.members.push({ callSid: call.sid, enqueuedAt: new Date() });
  call.queueSid = queue.sid;
  engine.note(call, 'enqueue', queue.friendlyName);
  const waitUrl = node.attrs.waitUrl ? new URL(node.attrs.waitUrl, docUrl).toString() : null;

  let result = 'hangup';
  let redirect: string | null = null;
  try {
    for (;;) {
      const round = waitUrl
        ? await waitRound(
            execute,
            engine,
            call,
            waitUrl,
            waitParams(queue, call.sid, enqueuedAt, engine.options.msPerSecond),
          )
        : (await engine.sleep(call, 10), 'again' as const);
      if (round === 'hangup') {
        engine.hangup(call);
        break;
      }
    }
  } catch (err) {
    if (err instanceof LeaveQueue) result = 'leave';
    else if (err instanceof Interrupted) {
      if (!call.hangupRequested && call.redirect) {
        result = 'redirected';
        redirect = call.redirect;
        call.redirect = null;
        engine.rearm(call);
      }
    } else result = 'system-error';
  } finally {
    queue.members = queue.members.filter((m) => m.callSid !== call.sid);
    call.queueSid = null;
  }
  engine.note(call, 'left-queue', result);

  const queueTime = String(Math.round((Date.now() - enqueuedAt) / engine.options.msPerSecond));
  const after = { QueueResult: result, QueueSid: queue.sid, QueueTime: queueTime };
  if (node.attrs.action) {
    const actionUrl = new URL(node.attrs.action, docUrl).toString();
    if (result === 'hangup' || result === 'redirected') {
      await engine.client
        .post(actionUrl, { ...engine.baseParams(call), ...after })
        .catch(() => undefined);
    } else return { kind: 'goto', url: actionUrl, params: after };
  }
  if (redirect) return { kind: 'goto', url: redirect };
  if (result === 'hangup') return { kind: 'hangup' };
  return null;
}

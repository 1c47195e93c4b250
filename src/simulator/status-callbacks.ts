import type { TSimCall } from './sim-state';
import type { TWebhookClient } from './webhook-client';

/** Twilio's StatusCallbackEvent name for a CallStatus. */
const EVENT_OF: Record<string, string> = {
  queued: 'initiated',
  ringing: 'ringing',
  'in-progress': 'answered',
  completed: 'completed',
  busy: 'completed',
  failed: 'completed',
  'no-answer': 'completed',
  canceled: 'completed',
};

type TPendingCallback = { url: string; params: Record<string, string> };

/**
 * Status callbacks as Twilio sends them (CallStatus + SequenceNumber), with the faults Twilio
 * is known for when asked: duplicates, late deliveries (reverse order) and retries.
 */
export function statusCallbacks(client: TWebhookClient, accountSid: string) {
  const held = new Map<string, TPendingCallback[]>();

  async function deliver(cb: TPendingCallback, retries: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const ok = await client.post(cb.url, cb.params).then(
        (r) => r.status < 500,
        () => false,
      );
      if (ok || attempt >= retries) return;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }

  return {
    async notify(call: TSimCall): Promise<void> {
      const cb = call.statusCallback;
      const event = EVENT_OF[call.status];
      if (!cb || !event || !cb.events.includes(event)) return;
      const terminal = event === 'completed';
      const params: Record<string, string> = {
        AccountSid: accountSid,
        CallSid: call.sid,
        CallStatus: call.status,
        SequenceNumber: String(call.sequence++),
        Timestamp: new Date().toUTCString(),
        CallbackSource: 'call-progress-events',
        Direction: call.direction,
        From: call.from,
        To: call.to,
        ApiVersion: '2010-04-01',
        ...(terminal && call.startedAt && call.endedAt
          ? { CallDuration: String(Math.round((+call.endedAt - +call.startedAt) / 1000)) }
          : {}),
      };
      const pending = { url: cb.url, params };
      const copies = cb.options.duplicate ? 2 : 1;
      const retries = cb.options.retries ?? 0;
      if (cb.options.outOfOrder) {
        const list = held.get(call.sid) ?? [];
        list.push(pending);
        held.set(call.sid, list);
        if (!terminal) return;
        held.delete(call.sid);
        for (const late of list.reverse())
          for (let i = 0; i < copies; i++) await deliver(late, retries);
        return;
      }
      for (let i = 0; i < copies; i++) await deliver(pending, retries);
    },
  };
}

export const ALL_STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { connectCounsellor, type TCounsellorClient } from '../fixtures/counsellor-client';
import { pool, postSignedWebhook } from './routing-bench.http';
import { sharedNow } from './routing-bench.stats';

// Child process of npm run bench:routing and bench:chat: the counsellors, each a real
// socket.io-client, in a process of their own. In life every counsellor has a browser of their own; here they at least
// do not share an event loop with the webhook poster and the Twilio stand-in, whose work would
// otherwise show up as routing latency.

export type TCounsellorsStart = {
  type: 'start';
  base: string;
  authToken: string;
  cookies: string[];
  /** How long each call lasts before the bench hangs it up (status callback `completed`). */
  callMs: number;
  /**
   * 'chats' (bench:chat): each accepts the chats offered (up to her capacity), records when each
   * chat message reaches her desk (`chat:message`), and one empty round trip (`bench:ping`, acked
   * by the server at once) is timed every 20 ms on a random socket. Default 'calls'.
   */
  mode?: 'calls' | 'chats';
};
/** One offer as a counsellor saw it (Date.now() clock, shared with the API on this machine). */
export type TOfferSeen = {
  callSid: string;
  receivedAt: number;
  enqueuedAt: number;
  expiresAt: number;
  /** When this counsellor's previous call ended; null for their first offer. */
  freedAt: number | null;
};
export type TCounsellorsMessage =
  | { type: 'ready'; connectMs: number }
  | { type: 'answered'; callSid: string }
  | {
      type: 'report';
      offers: TOfferSeen[];
      acceptToBridgeMs: number[];
      lagP50Ms: number;
      lagP99Ms: number;
      /** Chats mode: each message text and when it reached the desk (performance clock, ms). */
      chatMessages?: Array<[string, number]>;
      /** Chats mode: empty Socket.IO round trips, same sockets, same time. */
      pingMs?: number[];
    };

const send = (m: TCounsellorsMessage) => process.send?.(m);

const clients: TCounsellorClient[] = [];
let offers: TOfferSeen[] = [];
let acceptToBridgeMs: number[] = [];
let chatMessages: Array<[string, number]> = [];
let pingMs: number[] = [];
let pinging = false;
/** When each counsellor's last call ended; cleared by each report (the next surge starts afresh). */
const freedAt = new Map<TCounsellorClient, number | null>();
const lag = monitorEventLoopDelay({ resolution: 5 });

async function start(m: TCounsellorsStart): Promise<void> {
  const signedStatus = (callSid: string) =>
    postSignedWebhook(m.base, m.authToken, '/webhooks/twilio/voice/status?hotline=1362', {
      CallSid: callSid,
      CallStatus: 'completed',
      SequenceNumber: '9',
    });
  const t0 = performance.now();
  await pool(m.cookies, 50, async (cookie) => {
    clients.push(await connectCounsellor({ url: m.base, cookie, origin: m.base }));
  });
  await pool(clients, 50, async (c) => {
    await c.socket.emitWithAck('presence:set', { state: 'available' });
  });
  if (m.mode === 'chats') {
    startChats();
    send({ type: 'ready', connectMs: performance.now() - t0 });
    return;
  }
  for (const c of clients) {
    c.socket.on('call:offered', (offer) => {
      offers.push({
        callSid: offer.taskId,
        receivedAt: Date.now(),
        enqueuedAt: offer.enqueuedAt,
        expiresAt: offer.expiresAt,
        freedAt: freedAt.get(c) ?? null,
      });
      const sent = performance.now();
      void c.socket.emitWithAck('call:accept', { offerId: offer.offerId }).then(
        (res) => {
          acceptToBridgeMs.push(performance.now() - sent);
          if (!('data' in res)) return;
          send({ type: 'answered', callSid: offer.taskId });
          setTimeout(() => {
            freedAt.set(c, Date.now());
            void signedStatus(offer.taskId).catch(() => undefined);
          }, m.callMs);
        },
        () => undefined,
      );
    });
  }
  lag.enable();
  send({ type: 'ready', connectMs: performance.now() - t0 });
}

/** Chats mode: accept every chat offered, note each message's arrival, time empty round trips. */
function startChats(): void {
  for (const c of clients) {
    c.socket.on('call:offered', (offer) => {
      void c.socket.emitWithAck('call:accept', { offerId: offer.offerId }).catch(() => undefined);
    });
    c.socket.on('chat:message', (m) => chatMessages.push([m.message.text, sharedNow()]));
  }
  pinging = true;
  void (async () => {
    while (pinging) {
      const c = clients[Math.floor(Math.random() * clients.length)];
      if (!c) return;
      const t0 = performance.now();
      // Not in the realtime contract: the bench's own event, acked by the server at once.
      await (c.socket as unknown as Socket).emitWithAck('bench:ping').catch(() => undefined);
      pingMs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
}

process.on('message', (m: TCounsellorsStart | { type: 'report' } | { type: 'stop' }) => {
  if (m.type === 'start') void start(m);
  else if (m.type === 'report') {
    send({
      type: 'report',
      offers,
      acceptToBridgeMs,
      lagP50Ms: lag.percentile(50) / 1e6,
      lagP99Ms: lag.percentile(99) / 1e6,
      chatMessages,
      pingMs,
    });
    chatMessages = [];
    pingMs = [];
    offers = [];
    acceptToBridgeMs = [];
    freedAt.clear();
    lag.reset();
  } else {
    pinging = false;
    for (const c of clients) c.close();
    process.exit(0);
  }
});
// Sockets closed at the end reject their pending acks; that is the bench stopping, not a result.
process.on('unhandledRejection', () => undefined);

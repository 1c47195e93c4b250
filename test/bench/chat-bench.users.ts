import { createSimulator, type TSimulator } from '../../src/simulator/simulator';
import { pool } from './routing-bench.http';
import { sharedNow } from './routing-bench.stats';

// Child process of npm run bench:chat: Twilio Conversations (the simulator) and the WhatsApp
// users writing through it, in a process of their own. In life Twilio is not on the API's
// machine; in the API's process its work (finding the conversation, signing, posting) ran on the
// API's event loop and showed up as message-to-desk latency.

export type TUsersStart = {
  type: 'start';
  accountSid: string;
  authToken: string;
  base: string;
  simPort: number;
};
export type TUsersCommand =
  | TUsersStart
  | { type: 'open'; users: string[] }
  | { type: 'send'; users: string[]; rate: number; total: number }
  | { type: 'stop' };
export type TUsersMessage =
  | { type: 'ready' }
  | { type: 'opened' }
  /** Each message text and when its webhook was sent (shared clock), and how long posting took. */
  | { type: 'sent'; sentAt: Array<[string, number]>; postedInMs: number };

const send = (m: TUsersMessage) => process.send?.(m);
let sim: TSimulator | null = null;

const writes = (from: string, text: string) =>
  (sim as TSimulator).chat.userWrites({ hotline: '1362', channel: 'whatsapp', from, text });

process.on('message', (m: TUsersCommand) => {
  void (async () => {
    if (m.type === 'start') {
      sim = await createSimulator({
        accountSid: m.accountSid,
        authToken: m.authToken,
        serverBaseUrl: m.base,
        mobileAnswerSeconds: null,
        hotlineNumbers: { '1362': '+85621136200' },
      });
      await sim.app.listen({ host: '127.0.0.1', port: m.simPort });
      send({ type: 'ready' });
    } else if (m.type === 'open') {
      await pool(m.users, 20, async (from) => {
        await writes(from, 'hello');
      });
      send({ type: 'opened' });
    } else if (m.type === 'send') {
      // RATE messages a second into random open conversations, each on its own schedule.
      const sentAt: Array<[string, number]> = [];
      const t0 = performance.now();
      let posted = 0;
      await pool(
        Array.from({ length: m.total }, (_, i) => i),
        100,
        async (i) => {
          const due = t0 + (posted++ * 1000) / m.rate;
          await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
          const from = m.users[Math.floor(Math.random() * m.users.length)] as string;
          const text = `m${i}`;
          sentAt.push([text, sharedNow()]);
          await writes(from, text);
        },
      );
      send({ type: 'sent', sentAt, postedInMs: performance.now() - t0 });
    } else {
      await sim?.app.close();
      process.exit(0);
    }
  })();
});

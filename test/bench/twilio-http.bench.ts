import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { once } from 'node:events';
import twilio from 'twilio';
import { TwilioHttpClient } from '../../src/modules/telephony/twilio-http.client';
import { freePort } from '../../scripts/local/free-port';

// npm run bench:twilio-http — the client's CPU per Twilio REST request: the twilio package's own
// RequestClient (axios, kept-alive agent, as the API used it until now) beside our undici
// transport, on the same stand-in (its own process), with the same requests: the two of every
// bridge (the caller out of the queue, the counsellor's leg into the conference) as the SDK hands
// them to its client, alternating. Rounds alternate the clients so that a busy machine hurts both.
// Run with --expose-gc (the npm script does): no run pays for collecting the one before's garbage.
const REQUESTS = 5000;
const IN_FLIGHT = 20;
const ROUNDS = 2;
const SID = `AC${'a'.repeat(32)}`;

type TClient = { request(opts: never): Promise<{ statusCode: number }> };

function bridgeRequests(base: string) {
  const headers = () => ({
    'User-Agent': `twilio-node/6.2.0 (linux x64) node/${process.version}`,
    'Accept-Charset': 'utf-8',
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  });
  const account = `${base}/2010-04-01/Accounts/${SID}`;
  const auth = { username: SID, password: 'b'.repeat(32) };
  return [
    () => ({
      method: 'post',
      uri: `${account}/Queues/QU${'1'.repeat(32)}/Members/CA${'2'.repeat(32)}.json`,
      ...auth,
      headers: headers(),
      data: { Url: 'https://hotline.test/webhooks/twilio/voice/bridge?attempt=1', Method: 'POST' },
    }),
    () => ({
      method: 'post',
      uri: `${account}/Conferences/hotline-1362-CA${'2'.repeat(32)}/Participants.json`,
      ...auth,
      headers: headers(),
      data: {
        From: '+8562011111111',
        To: 'client:counsellor-0b7c',
        StatusCallback: 'https://hotline.test/webhooks/twilio/voice/leg-status',
        Label: 'counsellor',
        EndConferenceOnExit: 'false',
        Beep: 'false',
        StatusCallbackEvent: ['initiated', 'answered', 'completed'],
      },
    }),
  ];
}

async function measure(client: TClient, base: string, count: number) {
  const requests = bridgeRequests(base);
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      const make = requests[sent++ % requests.length] as () => never;
      const answer = await client.request(make());
      if (answer.statusCode !== 201) throw new Error(`stand-in answered ${answer.statusCode}`);
    }
  };
  globalThis.gc?.(); // the previous run's garbage is not this one's to collect
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / count, wallMs: performance.now() - t0 };
}

const port = await freePort();
const stand = spawn(
  process.execPath,
  ['--import', 'tsx', 'test/bench/twilio-http-bench.server.ts', String(port)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
await once(stand.stdout, 'data');
const base = `http://127.0.0.1:${port}`;

const axiosClient = new twilio.RequestClient({ timeout: 10_000 });
axiosClient.axios.defaults.httpAgent = new Agent({ keepAlive: true, maxSockets: 100 });
const undiciClient = new TwilioHttpClient();
const clients: [string, TClient][] = [
  ['twilio RequestClient (axios)', axiosClient as unknown as TClient],
  ['TwilioHttpClient (undici)', undiciClient as unknown as TClient],
];

for (const [, client] of clients) await measure(client, base, 1000); // warm up, connections
console.log(`${REQUESTS} requests, ${IN_FLIGHT} in flight, CPU of this process per request:`);
for (let round = 1; round <= ROUNDS; round++)
  for (const [name, client] of round % 2 ? clients : [...clients].reverse()) {
    const { cpuUs, wallMs } = await measure(client, base, REQUESTS);
    console.log(
      `  round ${round}  ${name.padEnd(28)} ${cpuUs.toFixed(0).padStart(4)} µs CPU/request  ${wallMs.toFixed(0).padStart(5)} ms`,
    );
  }
await undiciClient.close();
stand.kill();

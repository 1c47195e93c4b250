import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioProvider } from '../../../src/modules/telephony/twilio.provider';

// Twilio (or the simulator) closes a kept-alive connection that sat idle; a busy API may write
// its next request on that connection before it notices the close, and the request dies with
// "socket hang up". For a bridge that meant "caller back in line" and the caller offered a
// second time. Here the stand-in closes a reused connection the moment a request arrives on it,
// which is that race made certain.
const QUEUE_SID = `QU${randomBytes(16).toString('hex')}`;
const served: string[] = [];
const requestsOn = new WeakMap<Socket, number>();
let hangUpNextReused = false;

function answer(req: IncomingMessage, res: ServerResponse): void {
  const n = (requestsOn.get(req.socket) ?? 0) + 1;
  requestsOn.set(req.socket, n);
  req.resume();
  req.on('end', () => {
    if (n > 1 && hangUpNextReused) {
      hangUpNextReused = false;
      req.socket.destroy();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    served.push(`${req.method} ${path}`);
    const page = { page: 0, page_size: 1000, next_page_uri: null, uri: path };
    const body = path.endsWith('/Queues.json')
      ? { ...page, queues: [{ sid: QUEUE_SID, friendly_name: 'hotline-1362' }] }
      : path.endsWith('/Members.json')
        ? { ...page, queue_members: [] }
        : { call_sid: path.split('/').pop()?.slice(0, -5) };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}

const server = createServer(answer);
let provider: ReturnType<typeof twilioProvider>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider = twilioProvider({
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    TWILIO_API_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a kept-alive connection Twilio closed while idle', () => {
  it('does not fail the bridge: the request goes again on a fresh connection, once', async () => {
    // A connection in use and kept alive (the queue's sid is looked up once and remembered).
    await provider.listQueueMembers({ queueName: 'hotline-1362' });
    served.length = 0;
    hangUpNextReused = true;

    const callSid = `CA${randomBytes(16).toString('hex')}`;
    await provider.dequeueToUrl({
      queueName: 'hotline-1362',
      callSid,
      url: 'https://hotline.test/webhooks/twilio/voice/bridge',
    });

    expect(hangUpNextReused).toBe(false);
    // The hang-up happened, and the member update was served exactly once.
    expect(served).toHaveLength(1);
    expect(served[0]).toMatch(
      new RegExp(`^POST .*/Queues/${QUEUE_SID}/Members/${callSid}\\.json$`),
    );
  });
});

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TwilioHttpClient } from '../../../src/modules/telephony/twilio-http.client';

// Every Twilio REST request (bridges, calls, Conversations replies) goes through our own HTTP
// client instead of the twilio package's axios one. Twilio must not see a difference, a refusal
// must still reach the SDK as Twilio's error, a hung Twilio must not hold a caller, and a
// kept-alive connection Twilio closed while idle must not fail a bridge.
const SID = `AC${randomBytes(16).toString('hex')}`;
const TOKEN = randomBytes(16).toString('hex');

type TSeen = { method: string; url: string; headers: Record<string, unknown>; body: string };
const seen: TSeen[] = [];
const requestsOn = new WeakMap<Socket, number>();
/** What the stand-in does with the next request: answer, or close the connection unanswered. */
let next: 'answer' | 'hang-up-if-reused' | 'hang-up' | 'never-answer' = 'answer';
let hangUps = 0;

function standIn(req: IncomingMessage, res: ServerResponse): void {
  const n = (requestsOn.get(req.socket) ?? 0) + 1;
  requestsOn.set(req.socket, n);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    if (next === 'never-answer') return;
    if (next === 'hang-up' || (next === 'hang-up-if-reused' && n > 1)) {
      next = 'answer';
      hangUps += 1;
      req.socket.destroy();
      return;
    }
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.endsWith('/Missing.json')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          code: 20404,
          message: 'The requested resource was not found',
          status: 404,
        }),
      );
      return;
    }
    const page = { page: 0, page_size: 50, next_page_uri: null, uri: path };
    res.writeHead(path.endsWith('/Calls.json') && req.method === 'POST' ? 201 : 200, {
      'content-type': 'application/json',
    });
    res.end(
      JSON.stringify(
        req.method === 'GET' ? { ...page, calls: [] } : { sid: `CA${'1'.repeat(32)}` },
      ),
    );
  });
}

const server = createServer(standIn);
let base = '';
const ours = new TwilioHttpClient({ baseUrl: '' });

/** The twilio package's own client, pointed at the stand-in: what Twilio saw until now. */
class SdkClientToStandIn extends twilio.RequestClient {
  override request<T>(opts: Parameters<twilio.RequestClient['request']>[0] & { data?: T }) {
    opts.uri = base + new URL(opts.uri).pathname;
    return super.request<T>(opts);
  }
}

function viaSdk() {
  return twilio(SID, TOKEN, { httpClient: new SdkClientToStandIn({ timeout: 10_000 }) });
}
function viaOurs(client: TwilioHttpClient = new TwilioHttpClient({ baseUrl: base })) {
  return twilio(SID, TOKEN, { httpClient: client as unknown as twilio.RequestClient });
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await ours.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  next = 'answer';
  hangUps = 0;
});

/**
 * The request as Twilio reads it, but for Accept-Encoding: axios offered to take the answer
 * compressed; without the offer Twilio answers plain JSON, which costs no CPU to unpack.
 */
function onTheWire(r: TSeen) {
  const { 'accept-encoding': _, ...headers } = r.headers;
  return { method: r.method, url: r.url, headers, body: r.body };
}

describe('what Twilio receives', () => {
  it('is the request the twilio package itself sent: form with repeated keys, Basic auth', async () => {
    const call = {
      to: '+8562055555555',
      from: '+8562011111111',
      url: 'https://hotline.test/webhooks/twilio/voice/incoming?lang=lo',
      method: 'POST',
      statusCallback: 'https://hotline.test/webhooks/twilio/voice/status',
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      timeout: 20,
    };
    await viaSdk().calls.create(call);
    await viaOurs().calls.create(call);

    expect(seen).toHaveLength(2);
    const [sdk, mine] = seen as [TSeen, TSeen];
    expect(onTheWire(mine)).toEqual(onTheWire(sdk));
    expect(mine.method).toBe('POST');
    expect(mine.url).toBe(`/2010-04-01/Accounts/${SID}/Calls.json`);
    expect(mine.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
    );
    expect(mine.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(mine.body).toContain(
      'StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed',
    );
    expect(new URLSearchParams(mine.body).get('Url')).toBe(call.url);
  });

  it('carries a list filter as the query string the twilio package built', async () => {
    const filter = { to: '+8562055555555', status: 'in-progress' as const, pageSize: 20 };
    await viaSdk().calls.page(filter);
    await viaOurs().calls.page(filter);

    expect(seen).toHaveLength(2);
    const [sdk, mine] = seen as [TSeen, TSeen];
    expect(onTheWire(mine)).toEqual(onTheWire(sdk));
    expect(mine.url).toBe(
      `/2010-04-01/Accounts/${SID}/Calls.json?To=%2B8562055555555&Status=in-progress&PageSize=20`,
    );
    expect(mine.body).toBe('');
  });

  it('sends a JSON body as JSON', async () => {
    const answer = await ours.request({
      method: 'post',
      uri: `${base}/v1/Things.json`,
      username: SID,
      password: TOKEN,
      headers: { 'Content-Type': 'application/json' },
      data: { friendlyName: 'ສາຍດ່ວນ', tags: ['a', 'b'] },
    });
    expect(answer.statusCode).toBe(200);
    expect(seen).toHaveLength(1);
    expect(JSON.parse((seen[0] as TSeen).body)).toEqual({
      friendlyName: 'ສາຍດ່ວນ',
      tags: ['a', 'b'],
    });
  });
});

describe('what the twilio package gets back', () => {
  it('any status is an answer, body and all; the SDK turns a refusal into Twilio’s error', async () => {
    const answer = await ours.request({
      method: 'get',
      uri: `${base}/2010-04-01/Accounts/${SID}/Missing.json`,
      username: SID,
      password: TOKEN,
    });
    expect(answer.statusCode).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 20404 });
    expect(answer.headers['content-type']).toBe('application/json');

    const refused = await viaOurs()
      .api.v2010.fetch({ uri: `/Accounts/${SID}/Missing.json`, method: 'get' })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(twilio.RestException);
    expect(refused).toMatchObject({ status: 404, code: 20404 });
  });

  it('a Twilio that never answers fails the request instead of holding it', async () => {
    const impatient = new TwilioHttpClient({ baseUrl: base, timeoutMs: 200 });
    next = 'never-answer';
    const failed = await viaOurs(impatient)
      .calls.create({ to: '+8562055555555', from: '+8562011111111', url: 'https://hotline.test/x' })
      .catch((err: unknown) => err);
    await impatient.close();
    expect(failed).toBeInstanceOf(Error);
    expect(failed).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(seen).toHaveLength(0);
  });
});

describe('a kept-alive connection', () => {
  const member = { uri: `/Accounts/${SID}/Queues/QU1/Members/CA1.json`, method: 'post' as const };
  const dequeue = (client: TwilioHttpClient) =>
    viaOurs(client).api.v2010.update({
      ...member,
      data: { Url: 'https://hotline.test/webhooks/twilio/voice/bridge', Method: 'POST' },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

  it('closed by Twilio as the request crossed it: sent again on a fresh one, served once', async () => {
    const client = new TwilioHttpClient({ baseUrl: base });
    await dequeue(client);
    next = 'hang-up-if-reused';

    // Bridges until one is written on a connection that already carried an answer (undici may
    // open a second connection first); that one is closed by the stand-in on arrival.
    let bridges = 1;
    while (hangUps === 0 && bridges < 5) {
      await dequeue(client);
      bridges += 1;
    }
    await client.close();

    expect(hangUps).toBe(1);
    expect(seen).toHaveLength(bridges);
    expect(new Set(seen.map((r) => `${r.method} ${r.url}`))).toEqual(
      new Set([`POST /2010-04-01${member.uri}`]),
    );
  });

  it('closed by Twilio while idle: the next request goes on a fresh one, served once', async () => {
    const client = new TwilioHttpClient({ baseUrl: base });
    await dequeue(client);
    // Twilio's idle timer: every connection not serving a request is closed.
    server.closeIdleConnections();
    seen.length = 0;

    await dequeue(client);
    await client.close();
    expect(seen).toHaveLength(1);
  });

  it('a new connection closed unanswered is not retried: Twilio may have acted on it', async () => {
    const client = new TwilioHttpClient({ baseUrl: base });
    next = 'hang-up';
    const failed = await dequeue(client).catch((err: unknown) => err);
    await client.close();
    expect(failed).toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(hangUps).toBe(1);
    expect(seen).toHaveLength(0);
  });
});

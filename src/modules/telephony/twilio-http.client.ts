import type { IncomingHttpHeaders } from 'node:http';
import type twilio from 'twilio';
import { Agent, Client, Pool, type Dispatcher } from 'undici';
import { failedOnStaleConnection } from './stale-connection.policy';
import { twilioRequestBody, twilioRequestUrl, type TTwilioRequest } from './twilio-request.policy';

/** What the twilio package reads of an answer; it JSON-parses a string body itself. */
export type TTwilioResponse = { statusCode: number; body: string; headers: IncomingHttpHeaders };

/** A Twilio that has not answered within this long fails the request (connect, answer, body). */
const TIMEOUT_MS = 10_000;
/** Connections per host: a surge of 200 callers/s is ~400 requests/s of ~100 ms each. */
const CONNECTIONS = 100;
/** An idle kept-alive connection is closed after this (what the twilio package's agent did). */
const KEEP_ALIVE_MS = 10_000;

/** One kept-alive connection's count of answers: does a request go on a reused connection? */
type TConnection = { answered: number };
const kConnection = Symbol('connection');
type TDispatch = Dispatcher.DispatchOptions & { [kConnection]?: TConnection };

/**
 * A connection (undici's Client) that tells each request it carries which connection that is,
 * counting the answers since its socket opened: what Node's `request.reusedSocket` tells.
 */
function countingConnection(origin: URL, options: Client.Options): Client {
  const client = new Client(origin, options);
  const connection: TConnection = { answered: 0 };
  client.on('connect', () => (connection.answered = 0));
  const dispatch = client.dispatch.bind(client);
  client.dispatch = (opts: TDispatch, handler) => {
    opts[kConnection] = connection;
    return dispatch(opts, handler);
  };
  return client;
}

/** One attempt at a request: collects the answer whatever its status; fails only without one. */
class Attempt implements Dispatcher.DispatchHandler {
  reusedConnection = false;
  answerStarted = false;
  readonly answer: Promise<TTwilioResponse>;
  private settle!: (err: Error | null, answer?: TTwilioResponse) => void;
  private statusCode = 0;
  private headers: IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];

  constructor(
    agent: Dispatcher,
    private readonly opts: TDispatch,
  ) {
    this.answer = new Promise((resolve, reject) => {
      this.settle = (err, answer) => (err ? reject(err) : resolve(answer as TTwilioResponse));
    });
    agent.dispatch(opts, this);
  }

  /** What the stale-connection policy needs to know of a failed attempt. */
  outcome(): { reusedConnection: boolean; answerStarted: boolean } {
    return { reusedConnection: this.reusedConnection, answerStarted: this.answerStarted };
  }

  onRequestStart(): void {
    this.reusedConnection = (this.opts[kConnection]?.answered ?? 0) > 0;
  }

  onResponseStart(_: unknown, statusCode: number, headers: IncomingHttpHeaders): void {
    this.answerStarted = true;
    this.statusCode = statusCode;
    this.headers = headers;
  }

  onResponseData(_: unknown, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    const connection = this.opts[kConnection];
    if (connection) connection.answered += 1;
    const body = Buffer.concat(this.chunks).toString('utf8');
    this.settle(null, { statusCode: this.statusCode, body, headers: this.headers });
  }

  onResponseError(_: unknown, err: Error): void {
    this.settle(err);
  }
}

/**
 * The HTTP client the twilio package sends every REST request through (voice and Conversations):
 * the same requests on the wire as its own RequestClient (method, URL and query, Basic auth, the
 * SDK's headers, form or JSON body), on kept-alive undici connections instead of axios, which
 * cost several times the CPU per request. HTTPS for Twilio, plain HTTP for the simulator
 * (TWILIO_API_BASE_URL replaces every *.twilio.com host). Any HTTP status is an answer for the
 * SDK to judge (it raises RestException on 4xx/5xx); only no answer (network, timeout) rejects.
 * Never logs: requests carry the account token and personal numbers.
 */
export class TwilioHttpClient {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(private readonly options: { baseUrl?: string; timeoutMs?: number } = {}) {
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    this.agent = new Agent({
      connections: CONNECTIONS,
      keepAliveTimeout: KEEP_ALIVE_MS,
      connect: { timeout: this.timeoutMs },
      factory: (origin, opts) => new Pool(origin, { ...opts, factory: countingConnection }),
    });
  }

  async request(request: TTwilioRequest): Promise<TTwilioResponse> {
    const url = new URL(twilioRequestUrl(request.uri, request.params, this.options.baseUrl));
    const authorization =
      request.username && request.password
        ? basicAuthorization(request.username, request.password)
        : await request.authStrategy?.getAuthString();
    const body = twilioRequestBody(request) ?? null;
    const timeout = request.timeout ?? this.timeoutMs;
    const opts = (): TDispatch => ({
      origin: url.origin,
      path: url.pathname + url.search,
      method: request.method.toUpperCase() as Dispatcher.HttpMethod,
      headers: authorization
        ? { ...request.headers, Authorization: authorization }
        : request.headers,
      body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const first = new Attempt(this.agent, opts());
    try {
      return await first.answer;
    } catch (error) {
      // Written on a connection Twilio had closed while idle: it never arrived; once more.
      if (failedOnStaleConnection({ error, ...first.outcome() }))
        return new Attempt(this.agent, opts()).answer;
      throw error;
    }
  }

  /** Closes the kept-alive connections (tests, shutdown). */
  close(): Promise<void> {
    return this.agent.close();
  }
}

/**
 * The client to hand `twilio(sid, token, { httpClient })`, which only ever calls `request` on it
 * (its type is the SDK's axios-based class).
 */
export function twilioHttpClient(baseUrl: string | undefined): twilio.RequestClient {
  return new TwilioHttpClient({ baseUrl }) as unknown as twilio.RequestClient;
}

/** What the twilio package's own client sends: Basic from the account's sid and token. */
function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

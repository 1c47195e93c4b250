import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook copy as the API answered it. */
export type TWebhookAnswer = {
  path: string;
  status: number;
  ms: number;
  node: string;
  /** When the answer (or the failure) came back, ms since epoch. */
  at: number;
  /** Why the request failed without an answer (599 only). */
  error?: string;
};

export type TProxyFaults = {
  /** How many copies of each webhook to deliver at once (Twilio retries, proxies doubling). */
  copies?: () => number;
  /** Extra delay before a status callback goes out, so callbacks overtake each other. */
  statusDelayMs?: () => number;
};

export type TWebhookProxy = {
  url: string;
  answers: TWebhookAnswer[];
  faults: TProxyFaults;
  close: () => Promise<void>;
};

/**
 * Stands where Twilio's requests arrive (PUBLIC_BASE_URL): forwards each signed webhook to the
 * API unchanged, as many times as the fault says, concurrently, and records every answer's
 * status and latency. Headers are kept, so the signature (over PUBLIC_BASE_URL) stays valid.
 */
export async function startWebhookProxy(target: () => string): Promise<TWebhookProxy> {
  const answers: TWebhookAnswer[] = [];
  const faults: TProxyFaults = {};
  const forward = async (path: string, headers: Record<string, string>, body: Buffer) => {
    const started = performance.now();
    const node = target();
    try {
      const res = await fetch(node + path, {
        method: 'POST',
        headers,
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      answers.push({
        path,
        status: res.status,
        ms: performance.now() - started,
        node,
        at: Date.now(),
      });
      return { status: res.status, text, type: res.headers.get('content-type') ?? 'text/xml' };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? String(err);
      answers.push({
        path,
        status: 599,
        ms: performance.now() - started,
        node,
        at: Date.now(),
        error: cause,
      });
      return { status: 502, text: '', type: 'text/plain' };
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))
          headers[k] = v;
      const isStatus = path.includes('/voice/status');
      const delay = isStatus ? (faults.statusDelayMs?.() ?? 0) : 0;
      const copies = Math.max(1, faults.copies?.() ?? 1);
      void (async () => {
        if (delay) await new Promise((r) => setTimeout(r, delay));
        const results = await Promise.all(
          Array.from({ length: copies }, () => forward(path, headers, body)),
        );
        const first = results[0] as { status: number; text: string; type: string };
        res.writeHead(first.status, { 'content-type': first.type });
        res.end(first.text);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    faults,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

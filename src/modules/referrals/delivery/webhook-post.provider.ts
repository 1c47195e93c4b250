import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { hostOf, isPublicAddress, webhookTargetProblem } from './webhook-target.policy';

/** Short, fixed codes for a failed webhook: what an administrator can act on, no network detail. */
export type TWebhookFailure = 'address_refused' | 'refused' | 'timeout' | 'unreachable' | 'tls';

export class WebhookPostError extends Error {
  override name = 'WebhookPostError';
  readonly code: TWebhookFailure;
  constructor(code: TWebhookFailure) {
    super(code);
    this.code = code;
  }
}

const ADDRESS_REFUSED = 'EADDRESSREFUSED';
// Kept-alive connections per host (the workers post many deliveries to few partners); each new
// connection still goes through the lookup below.
const agents = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true }),
};

/**
 * A DNS lookup that refuses non-public answers. It runs as the socket connects, so the address
 * checked is the address used: a name that resolves to a public address at save time and to
 * 127.0.0.1 now (DNS rebinding) is still refused.
 */
function publicOnlyLookup(allowed: boolean, resolve: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const usable = allowed ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      // Any internal answer refuses the name: a mixed answer is how rebinding is tried.
      if (!usable.length || usable.length !== addresses.length) {
        const refused = Object.assign(new Error('address refused'), { code: ADDRESS_REFUSED });
        return callback(refused, '', 0);
      }
      if (options.all) return callback(null, usable);
      const first = usable[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

function failureOf(err: unknown): TWebhookFailure {
  const code = (err as { code?: unknown }).code;
  if (code === ADDRESS_REFUSED) return 'address_refused';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR') return 'timeout';
  if (typeof code === 'string' && /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code))
    return 'tls';
  return 'unreachable';
}

/**
 * POSTs a JSON body to a partner's webhook and answers its HTTP status. Redirects are never
 * followed (a 3xx is the answer: a signed referral goes to the configured host or nowhere);
 * failures throw a WebhookPostError with a short code.
 */
export async function postWebhookJson(args: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowHosts: ReadonlySet<string>;
  /** The system resolver unless a test answers for a name (there is no DNS in tests). */
  resolve?: typeof dnsLookup;
}): Promise<number> {
  if (webhookTargetProblem(args.url, args.allowHosts))
    throw new WebhookPostError('address_refused');
  const url = new URL(args.url);
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const body = Buffer.from(args.body);
  return new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...args.headers, 'content-length': String(body.length) },
        lookup: publicOnlyLookup(args.allowHosts.has(hostOf(url)), args.resolve ?? dnsLookup),
        signal: AbortSignal.timeout(args.timeoutMs),
        agent: secure ? agents.https : agents.http,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (err) => reject(new WebhookPostError(failureOf(err))));
    req.end(body);
  });
}

import helmet from 'helmet';

type THelmetOptions = Parameters<typeof helmet>[0];

/**
 * Helmet's headers for these options, worked out once. Every answer carries the same ones (none
 * of our directives depends on the request), so they are read off one run of helmet's middleware
 * and handed to Fastify as plain headers. Running the middleware on each request cost two voice
 * webhooks' worth of `setHeader` calls, and headers set on the raw response push Node's
 * `writeHead` onto its slow path for Fastify's own headers too.
 */
export function securityHeaders(options: THelmetOptions): Readonly<Record<string, string>> {
  // A directive computed per request (a nonce) would be frozen into every answer: refuse it.
  const csp = options?.contentSecurityPolicy;
  const values = typeof csp === 'object' ? Object.values(csp.directives ?? {}).flat() : [];
  if (values.some((v) => typeof v === 'function'))
    throw new Error('a per-request CSP directive needs helmet run on each request');
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failed: unknown;
  // helmet's middleware is synchronous: `next` has run (or reported an error) when it returns.
  helmet(options)(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    recorder as unknown as Parameters<ReturnType<typeof helmet>>[1],
    (err?: unknown) => {
      failed = err;
    },
  );
  if (failed) throw failed instanceof Error ? failed : new Error('helmet rejected its options');
  return Object.freeze(Object.fromEntries(headers));
}

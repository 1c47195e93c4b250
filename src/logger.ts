import { symbols, type Bindings, type ChildLoggerOptions, type LoggerOptions } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { TConfig } from './config/config';

// Personal data never reaches a log line. Paths cover Twilio's form fields, our own record
// fields at any depth up to two levels, and credentials. `censor` keeps the key visible so a
// reader knows something was there.
const personalKeys = [
  'From',
  'To',
  'Caller',
  'Called',
  'CallerName',
  'ForwardedFrom',
  'Digits',
  'SpeechResult',
  'RecordingUrl',
  'TranscriptionText',
  'Body',
  'phone',
  'phoneNumber',
  'mobile',
  'number',
  'name',
  'firstName',
  'lastName',
  'fullName',
  'address',
  'dateOfBirth',
  'email',
  'summary',
  'note',
  'notes',
  'codeWord',
  'text',
  'password',
  'totp',
  'code',
  'token',
  'secret',
  'magicLink',
];
export const credentialPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
];

export const redactPaths = [
  ...credentialPaths,
  ...personalKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

export function loggerOptions(config: Pick<TConfig, 'LOG_LEVEL' | 'NODE_ENV'>): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      // Query strings can carry identifiers (magic-link tokens): log the path only.
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  };
}

/** A binding value that cannot carry personal data (our request ids are UUIDs). */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Fastify's per-request child logger, without the redaction pass over its binding. Pino runs
 * every binding through the wildcard redactor above (`*.From`, `*.*.From`, …), which for a plain
 * string walks all the paths for nothing: about 6 % of an incoming-call webhook's CPU, paid
 * even when nothing is logged. A request id (a UUID, see build-app.ts) is added as it is;
 * anything else goes through pino's own `child` (and its redaction) as before.
 */
export function requestChildLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  opts: ChildLoggerOptions,
): FastifyBaseLogger {
  const options = Object.keys(opts).length ? opts : undefined;
  const entries = Object.entries(bindings);
  const plain = entries.every(
    ([k, v]) => PLAIN_ID.test(k) && typeof v === 'string' && PLAIN_ID.test(v),
  );
  const holder = logger as unknown as Record<symbol, unknown>;
  if (!plain || typeof holder[symbols.chindingsSym] !== 'string')
    return logger.child(bindings, options);
  const child = logger.child({}, options) as unknown as Record<symbol, string>;
  child[symbols.chindingsSym] += entries.map(([k, v]) => `,"${k}":"${String(v)}"`).join('');
  return child as unknown as FastifyBaseLogger;
}

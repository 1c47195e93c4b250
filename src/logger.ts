import type { LoggerOptions } from 'pino';
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
const credentialPaths = [
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

import { isIP } from 'node:net';
import { z } from 'zod';
import { parseRedisUrl, RedisUrlError } from './redis-url';

// Every environment variable Saiduan reads, in one place. Keep this list in step with
// docker-compose.yml (a test checks that compose sets only variables named here).
const port = z.coerce.number().int().min(1).max(65535);
const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');
/** One server, or a Sentinel or Cluster address list: the syntax is in redis-url.ts. */
const redisUrl = z.string().superRefine((v, ctx) => {
  try {
    parseRedisUrl(v);
  } catch (err) {
    if (!(err instanceof RedisUrlError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message });
  }
});
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length >= 32, 'must be base64 of at least 32 bytes');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const proxyNames = ['loopback', 'linklocal', 'uniquelocal'];

/** An IPv4/IPv6 address, optionally with a prefix length in range for its family. */
function isCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  /** The URL Twilio signs requests against; never derived from the Host header. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Empty means "start embedded Postgres" (npm start only). */
  DATABASE_URL: postgresUrl.optional(),
  /**
   * `transaction` when DATABASE_URL points at a transaction pooler (PgBouncer pool_mode =
   * transaction): no named prepared statements and no session settings at connect time, since
   * the next statement may run on another server connection. Time-outs then come from the pooler
   * (`query_timeout`) and the database role (`ALTER ROLE … SET lock_timeout`), see the README.
   */
  DATABASE_POOLER: z.enum(['none', 'transaction']).default('none'),
  /**
   * A streaming read replica of DATABASE_URL. When set, report screens and report exports
   * (national, agencies, operations, referrals, de-identified, HTCDS) read there; their audit rows
   * and every other read and write stay on the primary. Unset: everything on the primary.
   */
  DATABASE_REPLICA_URL: postgresUrl.optional(),
  /**
   * A replica further behind than this (or down, or not a standby) is skipped: the read runs on
   * the primary and the API logs why. Same pooler setting as DATABASE_POOLER.
   */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Empty means "start a local redis-server" (npm start only). */
  REDIS_URL: redisUrl.optional(),
  /** Prefix for every Redis key and BullMQ queue: lets tests and several deployments share a server. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('saiduan'),
  /** npm start only: where embedded Postgres and local Redis keep their data, and their ports. */
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  LOCAL_REDIS_PORT: port.default(63799),
  /** Comma-separated `id:base64key` pairs; the last one encrypts, all of them decrypt. */
  ENCRYPTION_KEYS: z
    .string()
    .refine(
      (v) =>
        v
          .split(',')
          .every((p) => /^[a-z0-9]+:/i.test(p) && base64Key.safeParse(p.split(':')[1]).success),
      'must be comma-separated id:base64key pairs with keys of at least 32 bytes',
    ),
  /** Key for the HMAC of phone numbers (repeat-caller lookup without storing numbers in clear). */
  HMAC_KEY: base64Key,
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/, 'must be AC followed by 32 hex digits'),
  TWILIO_AUTH_TOKEN: z.string().min(8),
  /**
   * The browser softphone's Voice SDK access tokens are signed with an API key (never the auth
   * token). Without one, counsellors answer on a mobile (the console shows no softphone).
   */
  TWILIO_API_KEY_SID: z
    .string()
    .regex(/^SK[0-9a-f]{32}$/, 'must be SK followed by 32 hex digits')
    .optional(),
  TWILIO_API_KEY_SECRET: z.string().min(16).optional(),
  /** Voice SDK token lifetime; the softphone asks for a fresh one before it runs out. */
  TWILIO_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(86400).default(3600),
  /**
   * The Twilio Region the account's Conversations data lives in, and the edge to reach it by: the
   * Media Content Service (chat attachments) is then mcs.<edge>.<region>.twilio.com. US1 without
   * an edge is mcs.us1.twilio.com; another region without an edge uses its own (dublin, sydney).
   */
  // Not named TWILIO_REGION / TWILIO_EDGE: the twilio package reads those from the environment
  // itself and then sends every REST request to <product>.<edge>.<region>.twilio.com, which took
  // a node spawned with this configuration away from the simulator (api-node-killed fault test).
  TWILIO_MEDIA_REGION: z.enum(['us1', 'ie1', 'au1']).default('us1'),
  TWILIO_MEDIA_EDGE: z
    .enum([
      'ashburn',
      'dublin',
      'frankfurt',
      'sao-paulo',
      'singapore',
      'sydney',
      'tokyo',
      'umatilla',
    ])
    .optional(),
  /** Set to the simulator's URL to send the twilio client there instead of api.twilio.com. */
  TWILIO_API_BASE_URL: z.string().url().optional(),
  SIMULATOR_PORT: port.default(3100),
  /** Live routing: how long an offer rings before the next counsellor gets it. */
  ROUTING_OFFER_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120000).default(20000),
  /** After this wait any counsellor of the hotline may take the call, whatever the language. */
  ROUTING_RELAX_LANGUAGE_AFTER_MS: z.coerce.number().int().min(0).default(60000),
  /** After this wait a counsellor of another hotline who speaks the language may take it. */
  ROUTING_RELAX_HOTLINE_AFTER_MS: z.coerce.number().int().min(0).default(120000),
  /** Wrap-up time after each call before the counsellor is offered again (0 = none). */
  /**
   * Offers a counsellor lets ring out in a row before she is set away ("missed calls"), so
   * callers stop waiting through a desk nobody is at.
   */
  ROUTING_MAX_CONSECUTIVE_TIMEOUTS: z.coerce.number().int().min(1).max(20).default(2),
  ROUTING_WRAP_UP_MS: z.coerce.number().int().min(0).max(3600000).default(60000),
  /** How often each API node expires offers and wrap-ups and re-runs dispatch. */
  ROUTING_SWEEP_MS: z.coerce.number().int().min(50).max(10000).default(500),
  /** Browser origin allowed besides PUBLIC_BASE_URL's for Socket.IO (the Vite dev server). */
  REALTIME_DEV_ORIGIN: z.string().url().default('http://localhost:5173'),
  /** Serve the built web app from the API (npm start does). */
  SERVE_WEB: flag.default(false),
  /** Secure cookies need https; npm start on localhost turns this off. */
  COOKIE_SECURE: flag.default(true),
  /**
   * Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs (or proxy-addr's
   * `loopback`, `linklocal`, `uniquelocal`). Empty: nobody's, the client is the socket's peer, so
   * a client cannot pick the address its rate limits are keyed on.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((p) => proxyNames.includes(p) || isCidr(p)),
      'must list IP addresses, CIDRs, loopback, linklocal or uniquelocal',
    ),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(300),
  /**
   * Prompt audio fetches a minute per client address (Twilio's media fetchers cache for 5 min, so
   * this is far above a busy hotline's need; the route is public and unsigned).
   */
  PROMPT_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(1200),
  /** Staff, partner and session requests answer 503 after this long rather than hang on a store. */
  STAFF_REQUEST_DEADLINE_MS: z.coerce.number().int().min(500).max(120000).default(10000),
  WEBHOOK_DEADLINE_MS: z.coerce.number().int().min(100).max(10000).default(2500),
  /**
   * On SIGTERM the API first answers /readyz "draining" for this long, then closes: long enough
   * for the load balancer to take it out (deploy/haproxy.cfg: 3 checks a second apart). 0 without one.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(8000).default(0),
  /**
   * Inbound chat messages Postgres could not take wait here (this node's own disk) until it
   * answers again. Empty: `<DATA_DIR>/chat-journal`.
   */
  CHAT_JOURNAL_DIR: z.string().optional(),
  /** How long a chat webhook waits for Postgres before journaling the message instead. */
  CHAT_STORE_TIMEOUT_MS: z.coerce.number().int().min(50).max(10000).default(1500),
  /**
   * The largest file a contact may send that is fetched and kept (bytes). Twilio itself takes at
   * most 5 MB of media per message; a larger one is recorded as refused ('too_large').
   */
  CHAT_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(25_000_000).default(5_000_000),
  DEMO_DATA: flag.default(false),
  /** Staff sessions: signed out after this many idle minutes, and after this many hours in any case. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Login attempts per minute for one client address and user name. */
  LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(5),
  /** Web chat handshakes a minute from one client address (every node together). */
  WEBCHAT_CONNECTIONS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Web chat messages a minute from one client address (every node together). */
  WEBCHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Files web chat visitors from one client address may attach in an hour (every node together). */
  WEBCHAT_ATTACHMENTS_PER_HOUR: z.coerce.number().int().positive().default(20),
  /** Web chat messages a minute on one connection. */
  WEBCHAT_CONNECTION_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** How long a web chat visitor may be away (dropped connection) before the chat ends. */
  WEBCHAT_RECONNECT_GRACE_MS: z.coerce.number().int().min(1000).max(3600000).default(120000),
  /** Referral delivery retries: first wait (doubling, with jitter) and number of attempts. */
  REFERRAL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600000).default(1000),
  REFERRAL_DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  /** How often workers sweep SLA timers and re-enqueue stored referrals or deliveries without a job. */
  REFERRAL_SWEEP_MS: z.coerce.number().int().min(100).max(3600000).default(60000),
  /**
   * Partner webhook hosts (exact names, comma-separated) that may be internal addresses and plain
   * http: a partner's test receiver on this machine. Every other webhook must be https to a
   * public address, checked when saved and again when each connection is made.
   */
  PARTNER_WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** How long an SMS magic link stays usable, and the session it opens. */
  MAGIC_LINK_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
});

export type TEnv = z.infer<typeof ZEnv>;

import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import twilio from 'twilio';

// The baselines for npm run bench:incoming-call, in a process of their own. Port from argv.
// - POST /bare: a bare Fastify route that parses the same form body and answers a constant TwiML.
// - POST /same-work: the least an incoming-call webhook must do, written plainly: check the
//   Twilio signature (twilio's validateRequest), one Redis EVAL (the caller into a sorted set),
//   one Postgres insert (the call), then a fixed TwiML. Same drivers as the API (ioredis,
//   postgres), same form parser. With BENCH_REDIS_URL, BENCH_DATABASE_URL, BENCH_TWILIO_TOKEN.
const port = Number(process.argv[2]);
const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
const ENQUEUE =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Enqueue>hotline-1362</Enqueue></Response>';
const ENTER = `redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2] .. ARGV[2], 'enqueuedAt', ARGV[1])
return redis.call('ZCARD', KEYS[1])`;

const app = Fastify({ logger: false });
await app.register(formbody);
app.post('/bare', async (_request, reply) => reply.type('text/xml').send(TWIML));

const token = process.env.BENCH_TWILIO_TOKEN;
if (token && process.env.BENCH_REDIS_URL && process.env.BENCH_DATABASE_URL) {
  const redis = new Redis(process.env.BENCH_REDIS_URL);
  const sql = postgres(process.env.BENCH_DATABASE_URL, { max: 10, onnotice: () => {} });
  await sql`CREATE TABLE IF NOT EXISTS same_work_calls (
    call_sid text PRIMARY KEY, from_number text NOT NULL, hotline text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now())`;
  app.post('/same-work', async (request, reply) => {
    const params = request.body as Record<string, string>;
    const signature = request.headers['x-twilio-signature'];
    const url = `http://127.0.0.1:${port}${request.url}`;
    if (typeof signature !== 'string' || !twilio.validateRequest(token, signature, url, params))
      return reply.code(403).send();
    const callSid = params.CallSid ?? '';
    await redis.eval(ENTER, 2, 'same-work:queue', 'same-work:caller:', Date.now(), callSid);
    await sql`INSERT INTO same_work_calls (call_sid, from_number, hotline)
      VALUES (${callSid}, ${params.From ?? ''}, ${'1362'}) ON CONFLICT DO NOTHING`;
    return reply.type('text/xml').send(ENQUEUE);
  });
}
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('ready\n');

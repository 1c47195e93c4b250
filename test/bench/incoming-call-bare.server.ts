import Fastify from 'fastify';
import formbody from '@fastify/formbody';

// The baseline for npm run bench:incoming-call: a bare Fastify route that parses the same form
// body and answers a constant TwiML document. Port from argv.
const app = Fastify({ logger: false });
await app.register(formbody);
app.post('/bare', async (_request, reply) =>
  reply
    .type('text/xml')
    .send('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>'),
);
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2]) });
process.stdout.write('ready\n');

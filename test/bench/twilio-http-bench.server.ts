import { createServer } from 'node:http';

// The stand-in Twilio for npm run bench:twilio-http, in a process of its own so that its CPU is
// not counted as the client's. Answers every request as Twilio answers a conference participant
// (201 and ~0.7 kB of JSON), on kept-alive connections. Port from argv; prints "ready".
const port = Number(process.argv[2]);
const participant = JSON.stringify({
  account_sid: `AC${'a'.repeat(32)}`,
  call_sid: `CA${'b'.repeat(32)}`,
  label: 'counsellor',
  call_sid_to_coach: null,
  coaching: false,
  conference_sid: `CF${'c'.repeat(32)}`,
  date_created: 'Sat, 05 Dec 2026 11:00:00 +0000',
  date_updated: 'Sat, 05 Dec 2026 11:00:00 +0000',
  end_conference_on_exit: false,
  muted: false,
  hold: false,
  start_conference_on_enter: true,
  status: 'queued',
  queue_time: null,
  uri: `/2010-04-01/Accounts/AC${'a'.repeat(32)}/Conferences/CF${'c'.repeat(32)}/Participants/CA${'b'.repeat(32)}.json`,
  api_version: '2010-04-01',
});

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
    res.end(participant);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log('ready'));

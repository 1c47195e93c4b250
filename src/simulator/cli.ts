import { parseArgs } from 'node:util';

// npm run sim -- call --hotline 1362 --from +8562055512345 --digits 1 --hangup-after 90
// npm run sim -- rings | answer <ringId> [--digits 1] | hangup <callSid>
// npm run sim -- chat --channel whatsapp --from +66812345678 --text "ສະບາຍດີ" [--wait 30]
// Talks to the running simulator's control API (npm start runs it on SIMULATOR_PORT).
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    hotline: { type: 'string', default: '1362' },
    from: { type: 'string', default: '+8562055512345' },
    digits: { type: 'string', default: '' },
    'hangup-after': { type: 'string' },
    'sim-url': { type: 'string', default: 'http://127.0.0.1:3100' },
    'duplicate-status': { type: 'boolean', default: false },
    'out-of-order': { type: 'boolean', default: false },
    channel: { type: 'string', default: 'whatsapp' },
    text: { type: 'string', default: '' },
    wait: { type: 'string', default: '0' },
  },
});
const sim = values['sim-url'].replace(/\/+$/, '');
const out = (line: string) => process.stdout.write(`${line}\n`);

type TCallView = {
  sid: string;
  status: string;
  transcript: Array<{ at: number; verb: string; detail?: string }>;
};

async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  }).catch(() => {
    throw new Error(`no simulator at ${sim} (start it with npm start, or pass --sim-url)`);
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function call(): Promise<void> {
  const placed = await api<TCallView>('POST', '/sim/calls', {
    hotline: values.hotline,
    from: values.from,
    digits: values.digits ? values.digits.split(',') : [],
    ...(values['hangup-after'] ? { hangupAfterSeconds: Number(values['hangup-after']) } : {}),
    statusCallbacks: { duplicate: values['duplicate-status'], outOfOrder: values['out-of-order'] },
  });
  out(`call ${placed.sid} to hotline ${values.hotline}`);
  const started = Date.now();
  let shown = 0;
  for (;;) {
    const view = await api<TCallView>('GET', `/sim/calls/${placed.sid}`);
    for (const t of view.transcript.slice(shown)) {
      const seconds = ((t.at - started) / 1000).toFixed(1).padStart(6);
      out(
        `${seconds}s  ${t.verb.padEnd(18)} ${t.detail ? t.detail.replace(/^https?:\/\/[^/]+/, '') : ''}`,
      );
    }
    shown = view.transcript.length;
    if (['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(view.status)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
}

type TChatSent = { conversationSid: string; messageSid: string; status: number };
type TChatInbox = {
  messages: Array<{ sid: string; body: string | null; contentSid: string | null }>;
};

/** A simulated chat user writes, then (with --wait) prints what the hotline writes back. */
async function chat(): Promise<void> {
  const from = values.from;
  const sent = await api<TChatSent>('POST', '/sim/chat/messages', {
    hotline: values.hotline,
    channel: values.channel,
    from,
    text: values.text,
  });
  out(
    `${values.channel} ${from} → ${values.hotline}: ${sent.messageSid} (server answered ${sent.status})`,
  );
  const until = Date.now() + Number(values.wait) * 1000;
  const query = `channel=${encodeURIComponent(values.channel)}&from=${encodeURIComponent(from)}`;
  let shown = (await api<TChatInbox>('GET', `/sim/chat/inbox?${query}`)).messages.length;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    const { messages } = await api<TChatInbox>('GET', `/sim/chat/inbox?${query}`);
    for (const m of messages.slice(shown))
      out(`hotline: ${m.body ?? `[template ${m.contentSid}]`}`);
    shown = messages.length;
  }
}

const [command, arg] = positionals;
try {
  if (command === 'call') await call();
  else if (command === 'chat') await chat();
  else if (command === 'rings')
    out(JSON.stringify(await api('GET', '/sim/rings?state=ringing'), null, 2));
  else if (command === 'answer' && arg)
    out(
      JSON.stringify(
        await api(
          'POST',
          `/sim/rings/${arg}/answer`,
          values.digits ? { digits: values.digits } : undefined,
        ),
      ),
    );
  else if (command === 'hangup' && arg) await api('POST', `/sim/calls/${arg}/hangup`);
  else {
    out(
      'usage: npm run sim -- call --hotline 1362 --from +8562055512345 --digits 1 --hangup-after 90',
    );
    out(
      '       npm run sim -- rings | answer <ringId> [--digits 1] | hangup <callSid>   [--sim-url http://127.0.0.1:3100]',
    );
    out(
      '       npm run sim -- chat --channel whatsapp|messenger|sms --from +66812345678 --text "…" [--wait 30]',
    );
    process.exitCode = 64;
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 1;
}

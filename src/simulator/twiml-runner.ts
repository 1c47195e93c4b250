import { Interrupted, LeaveQueue, type TCallEngine, type TStep } from './call-engine';
import type { TSimCall } from './sim-state';
import type { TTwimlNode } from './twiml-parser';
import { runDial } from './verbs-dial';
import { runEnqueue } from './verbs-enqueue';
import { runRecord } from './verbs-record';

export type TRunContext = { inWait: boolean };

const resolveUrl = (target: string | undefined, docUrl: string) =>
  target ? new URL(target, docUrl).toString() : docUrl;

/** Plays prompts and pauses: only time passes (and the transcript remembers what was heard). */
async function media(engine: TCallEngine, call: TSimCall, node: TTwimlNode): Promise<void> {
  if (node.name === 'Play') {
    const loops = node.attrs.loop === '0' ? 100 : Number(node.attrs.loop ?? 1) || 1;
    engine.note(call, 'play', node.text);
    await engine.sleep(call, engine.options.playSeconds * loops);
  } else if (node.name === 'Say') {
    // The language travels with the words, so a test can tell a Lao <Say> from an English one.
    engine.note(
      call,
      'say',
      node.attrs.language ? `[${node.attrs.language}] ${node.text}` : node.text,
    );
    await engine.sleep(call, Math.max(1, node.text.length / 15));
  } else if (node.name === 'Pause') {
    engine.note(call, 'pause');
    await engine.sleep(call, Number(node.attrs.length ?? 1) || 1);
  }
}

async function gather(
  engine: TCallEngine,
  call: TSimCall,
  node: TTwimlNode,
  docUrl: string,
): Promise<TStep | null> {
  for (const child of node.children) await media(engine, call, child);
  const digits = call.script.digits.shift();
  const action = resolveUrl(node.attrs.action, docUrl);
  if (digits) {
    engine.note(call, 'digits', digits);
    return { kind: 'goto', url: action, params: { Digits: digits, FinishedOnKey: '' } };
  }
  await engine.sleep(call, Number(node.attrs.timeout ?? 5) || 5);
  engine.note(call, 'no-input');
  return node.attrs.actionOnEmptyResult === 'true'
    ? { kind: 'goto', url: action, params: { Digits: '' } }
    : null;
}

/** Runs one TwiML document's verbs in order; returns where the call goes next. */
export async function execute(
  engine: TCallEngine,
  call: TSimCall,
  response: TTwimlNode,
  docUrl: string,
  ctx: TRunContext,
): Promise<TStep> {
  for (const verb of response.children) {
    switch (verb.name) {
      case 'Play':
      case 'Say':
      case 'Pause':
        await media(engine, call, verb);
        break;
      case 'Gather': {
        const step = await gather(engine, call, verb, docUrl);
        if (step) return step;
        break;
      }
      case 'Redirect':
        engine.note(call, 'redirect');
        return { kind: 'goto', url: resolveUrl(verb.text, docUrl) };
      case 'Hangup':
      case 'Reject':
        engine.note(call, verb.name.toLowerCase());
        return { kind: 'hangup' };
      case 'Leave':
        engine.note(call, 'leave');
        if (ctx.inWait) throw new LeaveQueue();
        break;
      case 'Record': {
        const step = await runRecord(engine, call, verb, docUrl);
        if (step) return step;
        break;
      }
      case 'Enqueue': {
        const step = await runEnqueue(execute, engine, call, verb, docUrl);
        if (step) return step;
        break;
      }
      case 'Dial': {
        const step = await runDial(execute, engine, call, verb, docUrl);
        if (step) return step;
        break;
      }
      default:
        engine.note(call, 'unsupported', verb.name);
    }
  }
  return { kind: 'done' };
}

/**
 * Follows a call's TwiML from `url` until it ends: Twilio's main loop. A redirect from the REST
 * API interrupts the current verb and continues at the new URL.
 */
export async function runCall(
  engine: TCallEngine,
  call: TSimCall,
  url: string,
  firstParams: Record<string, string> = {},
): Promise<void> {
  let next: TStep = { kind: 'goto', url, params: firstParams };
  let first = true;
  while (next.kind === 'goto' && !engine.isOver(call)) {
    let target = next.url;
    let doc = await engine.fetchTwiml(call, target, next.params ?? {});
    if (!doc && first && call.fallbackUrl) {
      target = call.fallbackUrl;
      doc = await engine.fetchTwiml(call, target, { ErrorCode: '11200', ErrorUrl: next.url });
    }
    first = false;
    if (!doc) break;
    if (call.status === 'ringing' || call.status === 'queued')
      await engine.setStatus(call, 'in-progress');
    try {
      next = await execute(engine, call, doc, target, { inWait: false });
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
      if (call.hangupRequested || engine.isOver(call)) break;
      const redirect = call.redirect;
      call.redirect = null;
      engine.rearm(call);
      next = redirect ? { kind: 'goto', url: redirect } : { kind: 'done' };
    }
  }
  await engine.setStatus(call, 'completed');
}

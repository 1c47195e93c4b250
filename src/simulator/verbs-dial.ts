import type { TCallEngine, TStep, TExecute } from './call-engine';
import { conferenceByName, joinConference } from './conferences';
import { cancelRing, ring } from './endpoints';
import type { TSimCall } from './sim-state';
import type { TTwimlNode } from './twiml-parser';

/** A bridged leg: resolves when either side hangs up or the caller is redirected. */
async function bridge(engine: TCallEngine, caller: TSimCall, leg: TSimCall): Promise<void> {
  await Promise.race([leg.done, engine.interrupted(leg), engine.interrupted(caller)]);
  engine.hangup(leg);
  await engine.setStatus(leg, 'completed');
}

/** Runs the whisper TwiML on the answered leg (e.g. "press 1 to take this call"); false = declined. */
async function whisper(
  execute: TExecute,
  engine: TCallEngine,
  leg: TSimCall,
  url: string,
): Promise<boolean> {
  leg.script.digits.push('1');
  const doc = await engine.fetchTwiml(leg, url);
  if (!doc) return false;
  const step = await execute(engine, leg, doc, url, { inWait: false }).catch(() => ({
    kind: 'hangup' as const,
  }));
  return step.kind !== 'hangup';
}

/**
 * `<Dial>` with `<Number>`, `<Client>` or `<Conference>`: rings the simulated endpoint, bridges,
 * and reports DialCallStatus to the action URL as Twilio does.
 */
export async function runDial(
  execute: TExecute,
  engine: TCallEngine,
  call: TSimCall,
  node: TTwimlNode,
  docUrl: string,
): Promise<TStep | null> {
  const noun = node.children[0] ?? { name: 'Number', attrs: {}, children: [], text: node.text };
  const timeout = Number(node.attrs.timeout ?? 30) || 30;
  let dialStatus = 'completed';
  let legSid = '';
  const startedAt = Date.now();

  if (noun.name === 'Conference') {
    const conference = conferenceByName(engine, noun.text, true);
    if (conference)
      await joinConference(engine, conference, call, {
        endConferenceOnExit: noun.attrs.endConferenceOnExit === 'true',
        startConferenceOnEnter: noun.attrs.startConferenceOnEnter !== 'false',
        muted: noun.attrs.muted === 'true',
      });
  } else if (noun.name === 'Number' || noun.name === 'Client') {
    const identity = noun.children.find((c) => c.name === 'Identity')?.text ?? noun.text;
    const target = noun.name === 'Client' ? `client:${identity}` : identity;
    const {
      ring: entry,
      call: leg,
      outcome,
    } = ring(engine, {
      target,
      from: node.attrs.callerId ?? call.from,
      parentCallSid: call.sid,
      timeoutSeconds: timeout,
    });
    legSid = leg.sid;
    engine.note(call, 'dial', target.startsWith('client:') ? 'softphone' : 'mobile');
    const first = await Promise.race([
      outcome,
      engine.interrupted(call).then(() => 'caller-gone' as const),
    ]);
    if (first === 'caller-gone') {
      cancelRing(entry);
      dialStatus = 'canceled';
    } else if (first !== 'answered') dialStatus = first;
    else if (
      noun.attrs.url &&
      !(await whisper(execute, engine, leg, new URL(noun.attrs.url, docUrl).toString()))
    ) {
      dialStatus = 'no-answer';
      engine.hangup(leg);
    } else {
      engine.note(call, 'bridged');
      await bridge(engine, call, leg);
    }
  } else {
    engine.note(call, 'unsupported', `Dial/${noun.name}`);
    dialStatus = 'failed';
  }

  const params = {
    DialCallStatus: dialStatus,
    DialCallDuration: String(Math.round((Date.now() - startedAt) / engine.options.msPerSecond)),
    ...(legSid ? { DialCallSid: legSid } : {}),
  };
  const action = node.attrs.action ? new URL(node.attrs.action, docUrl).toString() : null;
  if (call.hangupRequested || engine.isOver(call)) {
    if (action)
      await engine.client
        .post(action, { ...engine.baseParams(call), ...params })
        .catch(() => undefined);
    return { kind: 'hangup' };
  }
  if (call.redirect) {
    const url = call.redirect;
    call.redirect = null;
    engine.rearm(call);
    return { kind: 'goto', url };
  }
  return action ? { kind: 'goto', url: action, params } : null;
}

import twilio from 'twilio';
import type { TConfig } from '../../config/config';
import type { TTelephonyProvider } from './telephony.provider';
import { twilioHttpClient } from './twilio-http.client';

export function twilioClient(
  config: Pick<TConfig, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_BASE_URL'>,
) {
  return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, {
    httpClient: twilioHttpClient(config.TWILIO_API_BASE_URL),
  });
}

/** Twilio's queue per hotline; Redis decides the order, Twilio only holds the caller. */
export function twilioQueueName(hotline: string): string {
  return `hotline-${hotline}`;
}

export function twilioProvider(
  config: Pick<TConfig, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_BASE_URL'>,
): TTelephonyProvider {
  const client = twilioClient(config);
  const queueSids = new Map<string, string>();

  async function queueSid(queueName: string): Promise<string> {
    const known = queueSids.get(queueName);
    if (known) return known;
    const queues = await client.queues.list({ pageSize: 1000 });
    const found = queues.find((q) => q.friendlyName === queueName);
    const sid = found?.sid ?? (await client.queues.create({ friendlyName: queueName })).sid;
    queueSids.set(queueName, sid);
    return sid;
  }

  async function conferenceSid(conferenceName: string): Promise<string> {
    const [conference] = await client.conferences.list({
      friendlyName: conferenceName,
      status: 'in-progress',
      limit: 1,
    });
    if (!conference) throw new Error(`conference ${conferenceName} is not in progress`);
    return conference.sid;
  }

  // The two requests of every bridge (the caller out of Twilio's queue, the counsellor's leg into
  // the conference) go through the SDK's own `Version` (same transport, auth, form encoding and
  // RestException on a refusal) but skip its resource classes: they build an instance from each
  // answer, parsing every date in it (dayjs), which no caller reads, about a tenth of the API's
  // CPU per caller at a surge. The form fields are the ones the resource classes would send.
  const v2010 = client.api.v2010;
  const account = `/Accounts/${config.TWILIO_ACCOUNT_SID}`;
  const form = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };

  return {
    async dequeueToUrl({ queueName, callSid, url }) {
      const queue = await queueSid(queueName);
      await v2010.update({
        uri: `${account}/Queues/${queue}/Members/${callSid}.json`,
        method: 'post',
        data: { Url: url, Method: 'POST' },
        headers: form,
      });
    },
    async redirectCall({ callSid, url }) {
      await client.calls(callSid).update({ url, method: 'POST' });
    },
    async createCall({ to, from, url, statusCallback, timeoutSeconds }) {
      const call = await client.calls.create({
        to,
        from,
        url,
        method: 'POST',
        ...(statusCallback
          ? {
              statusCallback,
              statusCallbackMethod: 'POST',
              statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
            }
          : {}),
        ...(timeoutSeconds ? { timeout: timeoutSeconds } : {}),
      });
      return { callSid: call.sid };
    },
    async hangupCall({ callSid }) {
      await client.calls(callSid).update({ status: 'completed' });
    },
    async addParticipant({ conferenceName, ...p }) {
      // Twilio's Participants API cannot play TwiML first; a whisper leg is a call whose TwiML
      // (at `url`) ends in <Dial><Conference>.
      if (p.url) {
        const call = await client.calls.create({
          to: p.to,
          from: p.from,
          url: p.url,
          method: 'POST',
          ...(p.statusCallback
            ? { statusCallback: p.statusCallback, statusCallbackMethod: 'POST' }
            : {}),
        });
        return { callSid: call.sid };
      }
      // Twilio accepts the conference's friendly name here and creates the conference if needed.
      // No `Hold`: the Participants create API has none (the SDK dropped it too); a leg is put
      // on hold by updateParticipant.
      const participant = (await v2010.create({
        uri: `${account}/Conferences/${conferenceName}/Participants.json`,
        method: 'post',
        data: {
          From: p.from,
          To: p.to,
          ...(p.statusCallback ? { StatusCallback: p.statusCallback } : {}),
          ...(p.label ? { Label: p.label } : {}),
          ...(p.muted !== undefined ? { Muted: String(p.muted) } : {}),
          ...(p.beep !== undefined ? { Beep: String(p.beep) } : {}),
          ...(p.endConferenceOnExit !== undefined
            ? { EndConferenceOnExit: String(p.endConferenceOnExit) }
            : {}),
          ...(p.earlyMedia !== undefined ? { EarlyMedia: String(p.earlyMedia) } : {}),
          ...(p.coachCallSid ? { Coaching: 'true', CallSidToCoach: p.coachCallSid } : {}),
        },
        headers: form,
      })) as { call_sid?: unknown };
      if (typeof participant.call_sid !== 'string')
        throw new Error('Twilio answered a new participant without its call SID');
      return { callSid: participant.call_sid };
    },
    async updateParticipant({ conferenceName, callSid, ...changes }) {
      await client
        .conferences(await conferenceSid(conferenceName))
        .participants(callSid)
        .update({
          ...(changes.muted !== undefined ? { muted: changes.muted } : {}),
          ...(changes.hold !== undefined ? { hold: changes.hold } : {}),
          ...(changes.holdUrl ? { holdUrl: changes.holdUrl } : {}),
          ...(changes.coaching !== undefined ? { coaching: changes.coaching } : {}),
          ...(changes.coachCallSid ? { callSidToCoach: changes.coachCallSid } : {}),
        });
    },
    async removeParticipant({ conferenceName, callSid }) {
      await client
        .conferences(await conferenceSid(conferenceName))
        .participants(callSid)
        .remove();
    },
    async sendSms({ to, from, body, statusCallback }) {
      const message = await client.messages.create({
        to,
        from,
        body,
        ...(statusCallback ? { statusCallback } : {}),
      });
      return { messageSid: message.sid };
    },
    async listQueueMembers({ queueName }) {
      const members = await client.queues(await queueSid(queueName)).members.list({ limit: 1000 });
      return members.map((m) => ({
        callSid: m.callSid,
        waitTimeSeconds: m.waitTime,
        position: m.position,
      }));
    },
  };
}

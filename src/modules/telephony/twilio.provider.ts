import { Agent } from 'node:http';
import twilio from 'twilio';
import type { TConfig } from '../../config/config';
import { failedOnStaleConnection } from './stale-connection.policy';
import type { TTelephonyProvider } from './telephony.provider';

const TWILIO_API = 'https://api.twilio.com';

/**
 * The real `twilio` HTTP client, with api.twilio.com swapped for TWILIO_API_BASE_URL when set
 * (the simulator). Everything else, including auth and form encoding, is Twilio's own code.
 */
export class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string | undefined) {
    super({ timeout: 10_000 });
    // Twilio's client keeps its HTTPS connections alive; a plain-HTTP stand-in (the simulator)
    // would otherwise cost a new TCP connection per request, which production never pays.
    if (this.baseUrl?.startsWith('http:'))
      this.axios.defaults.httpAgent = new Agent({ keepAlive: true, maxSockets: 100 });
  }

  override async request<TData>(
    opts: Parameters<twilio.RequestClient['request']>[0] & { data?: TData },
  ) {
    if (this.baseUrl && opts.uri.startsWith(TWILIO_API))
      opts.uri = this.baseUrl.replace(/\/+$/, '') + opts.uri.slice(TWILIO_API.length);
    try {
      return await super.request(opts);
    } catch (err) {
      // Written on a connection the other side had closed while idle: it never arrived; once more.
      if (failedOnStaleConnection(err)) return super.request(opts);
      throw err;
    }
  }
}

export function twilioClient(
  config: Pick<TConfig, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_BASE_URL'>,
) {
  return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, {
    httpClient: new RedirectingRequestClient(config.TWILIO_API_BASE_URL),
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

  return {
    async dequeueToUrl({ queueName, callSid, url }) {
      await client
        .queues(await queueSid(queueName))
        .members(callSid)
        .update({ url, method: 'POST' });
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
      const participant = await client.conferences(conferenceName).participants.create({
        to: p.to,
        from: p.from,
        ...(p.label ? { label: p.label } : {}),
        ...(p.muted !== undefined ? { muted: p.muted } : {}),
        ...(p.hold !== undefined ? { hold: p.hold } : {}),
        ...(p.coachCallSid ? { coaching: true, callSidToCoach: p.coachCallSid } : {}),
        ...(p.statusCallback ? { statusCallback: p.statusCallback } : {}),
        ...(p.earlyMedia !== undefined ? { earlyMedia: p.earlyMedia } : {}),
        ...(p.beep !== undefined ? { beep: String(p.beep) } : {}),
        ...(p.endConferenceOnExit !== undefined
          ? { endConferenceOnExit: p.endConferenceOnExit }
          : {}),
      });
      return { callSid: participant.callSid };
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

import type { TConfig } from '../../config/config';

const TWILIO_API = 'https://api.twilio.com';
/** A recording longer than the prompts' limit is refused before it is all read. */
const MAX_BYTES = 4 * 1024 * 1024;

export type TRecordingMedia = {
  /** The WAV of a `<Record>` recording of this account, or null when Twilio has none (yet). */
  wav(recordingSid: string): Promise<Buffer | null>;
};

/**
 * Recording media from Twilio's REST API (`/Recordings/{Sid}.wav`, HTTP Basic auth), through
 * TWILIO_API_BASE_URL when set (the simulator). Built from the recording's SID only, never from
 * a URL a request carried, so nothing else can be made to be fetched. Twilio may still be
 * processing a fresh recording: a 404 is asked again a few times.
 */
export function recordingMedia(
  config: Pick<TConfig, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_BASE_URL'>,
  options: { attempts?: number; pauseMs?: number } = {},
): TRecordingMedia {
  const base = (config.TWILIO_API_BASE_URL ?? TWILIO_API).replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${config.TWILIO_ACCOUNT_SID}:${config.TWILIO_AUTH_TOKEN}`).toString('base64')}`;
  const attempts = options.attempts ?? 3;
  const pauseMs = options.pauseMs ?? 300;
  return {
    async wav(recordingSid) {
      if (!/^RE[0-9a-fA-F]{32}$/.test(recordingSid)) return null;
      const url = `${base}/2010-04-01/Accounts/${config.TWILIO_ACCOUNT_SID}/Recordings/${recordingSid}.wav`;
      for (let i = 0; i < attempts; i++) {
        const response = await fetch(url, {
          headers: { authorization: auth },
          signal: AbortSignal.timeout(5000),
        });
        if (response.status === 404) {
          await response.body?.cancel();
          await new Promise((r) => setTimeout(r, pauseMs));
          continue;
        }
        if (!response.ok) throw new Error(`recording media: HTTP ${response.status}`);
        const length = Number(response.headers.get('content-length') ?? 0);
        if (length > MAX_BYTES) {
          await response.body?.cancel();
          return null;
        }
        const body = Buffer.from(await response.arrayBuffer());
        return body.length > MAX_BYTES ? null : body;
      }
      return null;
    },
  };
}

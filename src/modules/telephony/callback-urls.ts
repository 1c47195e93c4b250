/** Where the Twilio webhooks are mounted (routes/webhooks/twilio). */
export const TWILIO_WEBHOOK_PREFIX = '/webhooks/twilio';

type TQuery = Record<string, string>;
type TLeg = { callSid: string; userId: string };

/**
 * Every URL Twilio is told to call back, built in one place. Always from the configured public
 * base URL, never from a request's Host header: Twilio signs the URL it was given, and the
 * signature hook checks it against the same base.
 */
export function twilioCallbackUrls(publicBaseUrl: string) {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}${TWILIO_WEBHOOK_PREFIX}`;
  const at = (path: string, query: TQuery) =>
    `${base}/${path}?${new URLSearchParams(query).toString()}`;
  return {
    /** The voice webhooks of a hotline's call (IVR, queue, status): `voice/<path>`. */
    voice: (path: string, query: TQuery) => at(`voice/${path}`, query),
    /** A recorded prompt, played with <Play>. */
    prompt: (hotline: string, language: string, prompt: string) =>
      `${base}/prompts/${encodeURIComponent(hotline)}/${encodeURIComponent(language)}/${prompt}.wav`,
    /** Status callback of a call placed for a hotline (its caller leg reports like any call). */
    status: (hotline: string) => at('voice/status', { hotline }),
    /** Puts a caller back into the platform queue, keeping their place. */
    requeue: (to: { hotline: string; language: string }) =>
      at('voice/requeue', { hotline: to.hotline, lang: to.language }),
    /** Asks the caller the after-call question, in their language. */
    afterCall: (to: { hotline: string; language: string }) =>
      at('voice/after-call', { hotline: to.hotline, lang: to.language }),
    /** TwiML for a dequeued caller: into the call's conference. */
    bridgeCaller: (leg: TLeg) => at('bridge/caller', { callSid: leg.callSid, userId: leg.userId }),
    /** Status of a counsellor's conference leg. */
    conferenceParticipant: (leg: TLeg) =>
      at('conference/participant', { callSid: leg.callSid, userId: leg.userId }),
    /** The counsellor's own mobile: the whisper, the key after it, the leg's status. */
    mobileLeg: (leg: TLeg & { hotline: string }) => {
      const q = { callSid: leg.callSid, userId: leg.userId };
      return {
        whisper: at('mobile-leg/whisper', { ...q, hotline: leg.hotline }),
        key: at('mobile-leg/key', q),
        status: at('mobile-leg/status', q),
      };
    },
    /** A call-back: the caller's TwiML once they answer, and the counsellor's leg. */
    callback: (taskId: string) => ({
      caller: at('bridge/callback', { taskId }),
      counsellor: at('bridge/callback/counsellor', { taskId }),
      counsellorStatus: at('bridge/callback/counsellor-status', { taskId }),
    }),
  };
}

export type TTwilioCallbackUrls = ReturnType<typeof twilioCallbackUrls>;

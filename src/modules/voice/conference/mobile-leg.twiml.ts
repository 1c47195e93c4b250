import twilio from 'twilio';
import { WHISPER_KEY_SECONDS } from './mobile-leg.policy';

const { VoiceResponse } = twilio.twiml;

/**
 * Played to the counsellor's mobile only (the caller waits in the conference and never hears
 * it): the recorded "hotline call, press 1", then the key decides at `keyUrl`, which is also
 * asked when nothing was pressed.
 */
export function whisperTwiml(args: { promptUrl: string; keyUrl: string }): string {
  const r = new VoiceResponse();
  r.gather({
    numDigits: 1,
    timeout: WHISPER_KEY_SECONDS,
    action: args.keyUrl,
    method: 'POST',
    actionOnEmptyResult: true,
  }).play({}, args.promptUrl);
  // Reached only if the platform ignored actionOnEmptyResult: hanging up never joins the call.
  r.hangup();
  return r.toString();
}

/** Pressed 1: the mobile joins the call's conference like a console softphone would. */
export function joinConferenceTwiml(conferenceName: string): string {
  const r = new VoiceResponse();
  r.dial().conference(
    { beep: 'false', startConferenceOnEnter: true, endConferenceOnExit: false },
    conferenceName,
  );
  return r.toString();
}

export function hangupTwiml(): string {
  const r = new VoiceResponse();
  r.hangup();
  return r.toString();
}

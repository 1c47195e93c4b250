import type { TOneHotline } from './one-hotline';

/**
 * A waiting caller presses 1, then 1 ("any time is safe"), then 1 ("call me on this number"):
 * the call-back dialog's webhooks as Twilio posts them, and Twilio's queue letting them go.
 */
export async function askForCallBack(h: TOneHotline, callSid: string, from: string) {
  const base = '/webhooks/twilio/voice';
  await h.webhook(`${base}/wait-choice?hotline=1362&lang=lo`, { CallSid: callSid, Digits: '1' });
  await h.webhook(`${base}/callback-step?hotline=1362&lang=lo&step=when&attempt=0`, {
    CallSid: callSid,
    Digits: '1',
    From: from,
  });
  const booked = await h.webhook(
    `${base}/callback-step?hotline=1362&lang=lo&step=number&attempt=0&kind=any`,
    { CallSid: callSid, Digits: '1', From: from },
  );
  await h.webhook(`${base}/queue-result?hotline=1362&lang=lo`, {
    CallSid: callSid,
    QueueResult: 'leave',
  });
  return booked;
}

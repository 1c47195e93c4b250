/**
 * Twilio parameters that identify or locate the caller (or, on call-backs, the person called).
 * They never reach the event log, Redis or the logs; the number is kept encrypted on the call row.
 */
const PERSONAL =
  /^(From|To|Caller|Called|ForwardedFrom|CallerName|StirPassportToken)|(City|State|Zip|Country)$/;

export function redactTwilioParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !PERSONAL.test(k)));
}

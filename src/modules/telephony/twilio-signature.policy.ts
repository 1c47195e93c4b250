import twilio from 'twilio';

/**
 * The URL Twilio signed: our configured public base plus the request's path and query.
 * Never built from the Host header, which a caller controls.
 */
export function signedUrl(publicBaseUrl: string, pathAndQuery: string): string {
  return publicBaseUrl.replace(/\/+$/, '') + pathAndQuery;
}

export type TSignatureCheck = 'valid' | 'missing' | 'invalid';

export function checkTwilioSignature(args: {
  authToken: string;
  signature: string | undefined;
  url: string;
  params: Record<string, string>;
}): TSignatureCheck {
  if (!args.signature) return 'missing';
  return twilio.validateRequest(args.authToken, args.signature, args.url, args.params)
    ? 'valid'
    : 'invalid';
}

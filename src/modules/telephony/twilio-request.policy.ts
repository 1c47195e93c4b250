import qs from 'qs';

/** What the twilio package hands its HTTP client for one REST request (BaseTwilio.request). */
export type TTwilioRequest = {
  method: string;
  uri: string;
  username?: string;
  password?: string;
  authStrategy?: { getAuthString(): Promise<string> };
  headers?: Record<string, string>;
  params?: object;
  data?: unknown;
  timeout?: number;
};

const TWILIO_HOST = /^https:\/\/[a-z0-9.-]+\.twilio\.com(?=[/?]|$)/;

/**
 * The URL to ask: every *.twilio.com host (api., conversations., a region's or an edge's) swapped
 * for TWILIO_API_BASE_URL when it is set, i.e. the simulator in tests and `npm start`.
 */
export function twilioRequestUrl(uri: string, params: object | undefined, baseUrl?: string) {
  const host = TWILIO_HOST.exec(uri);
  const url = baseUrl && host ? baseUrl.replace(/\/+$/, '') + uri.slice(host[0].length) : uri;
  // Query strings the way the twilio package's own client sends them (axios + this serializer).
  const query = params ? qs.stringify(params, { arrayFormat: 'repeat' }) : '';
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}

/**
 * The body the twilio package's own client would send: a form with repeated keys for a list
 * (`StatusCallbackEvent=initiated&StatusCallbackEvent=ringing`), JSON for a JSON request, and
 * none for any other content type.
 */
export function twilioRequestBody(request: TTwilioRequest): string | undefined {
  const { data, headers } = request;
  if (!data || !headers) return undefined;
  if (headers['Content-Type'] === 'application/x-www-form-urlencoded')
    return qs.stringify(data, { arrayFormat: 'repeat' });
  if (headers['Content-Type'] === 'application/json')
    return typeof data === 'string' ? data : JSON.stringify(data);
  return undefined;
}

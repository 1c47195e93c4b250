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

type TFlatValue = string | number | boolean | null | undefined | Date;

/** qs's RFC 3986 escaping: encodeURIComponent leaves `!'()*` as they are, qs does not. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function flatPair(key: string, value: TFlatValue): string | null {
  if (value === undefined) return null;
  const text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
  return `${encode(key)}=${encode(text)}`;
}

/**
 * What `qs.stringify(data, { arrayFormat: 'repeat' })` writes, for the flat forms the twilio
 * package sends (strings, numbers, booleans, lists of them): the same bytes, without qs's
 * per-key machinery, which allocated ~9 KB per REST request (two per caller). Anything nested
 * still goes through qs.
 */
export function twilioForm(data: object): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(data) as Array<[string, unknown]>) {
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of items) {
      if (item !== null && typeof item === 'object' && !(item instanceof Date))
        return qs.stringify(data, { arrayFormat: 'repeat' });
      const pair = flatPair(key, item as TFlatValue);
      if (pair !== null) pairs.push(pair);
    }
  }
  return pairs.join('&');
}

/**
 * The URL to ask: every *.twilio.com host (api., conversations., a region's or an edge's) swapped
 * for TWILIO_API_BASE_URL when it is set, i.e. the simulator in tests and `npm start`.
 */
export function twilioRequestUrl(uri: string, params: object | undefined, baseUrl?: string) {
  const host = TWILIO_HOST.exec(uri);
  const url = baseUrl && host ? baseUrl.replace(/\/+$/, '') + uri.slice(host[0].length) : uri;
  // Query strings the way the twilio package's own client sends them (axios + this serializer).
  const query = params ? twilioForm(params) : '';
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
  if (headers['Content-Type'] === 'application/x-www-form-urlencoded') return twilioForm(data);
  if (headers['Content-Type'] === 'application/json')
    return typeof data === 'string' ? data : JSON.stringify(data);
  return undefined;
}

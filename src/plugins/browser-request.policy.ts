/**
 * Which browser requests may change state. A page on another site can make a victim's browser
 * send a form (urlencoded, multipart or text/plain: no preflight) with the victim's cookies, so
 * every state-changing request must come from our own origin, and /api and /auth take only the
 * body types a form cannot send. Twilio's webhooks are signed instead and post forms.
 */
export type TBrowserRequest = {
  method: string;
  path: string;
  /** The `Origin` header, when the client sent one (browsers do on every POST). */
  origin: string | undefined;
  /** `Sec-Fetch-Site`, sent by current browsers. */
  fetchSite: string | undefined;
  /** The media type without parameters, lower case; undefined when the request has none. */
  contentType: string | undefined;
  hasBody: boolean;
  /** Body types this route takes besides JSON (the prompt upload's audio). */
  extraBodyTypes: readonly string[];
};

export type TBrowserVerdict = 'allowed' | 'ORIGIN_REFUSED' | 'UNSUPPORTED_MEDIA_TYPE';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SIGNED_PATHS = /^\/webhooks\//;
const JSON_ONLY_PATHS = /^\/(api|auth)(\/|\?|$)/;

/** The media type of a Content-Type header, without parameters. */
export function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

export function judgeBrowserRequest(
  request: TBrowserRequest,
  allowedOrigins: ReadonlySet<string>,
): TBrowserVerdict {
  if (SAFE_METHODS.has(request.method) || SIGNED_PATHS.test(request.path)) return 'allowed';
  if (request.origin !== undefined && !allowedOrigins.has(request.origin)) return 'ORIGIN_REFUSED';
  // A browser that does not send Origin (an old one, or a stripped header) still says where the
  // request came from here; same-site is refused too: a sibling subdomain is not our app.
  if (request.fetchSite === 'cross-site' || request.fetchSite === 'same-site')
    return 'ORIGIN_REFUSED';
  if (!JSON_ONLY_PATHS.test(request.path)) return 'allowed';
  if (!request.hasBody && request.contentType === undefined) return 'allowed';
  const type = request.contentType;
  if (type === 'application/json' || (type && request.extraBodyTypes.includes(type)))
    return 'allowed';
  return 'UNSUPPORTED_MEDIA_TYPE';
}

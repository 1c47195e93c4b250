import type { TConfig } from '../../config/config';

/** Each Twilio Region's own edge, used when none is configured (Twilio's regional hosts). */
const homeEdge = { us1: null, ie1: 'dublin', au1: 'sydney' } as const;

/**
 * The Media Content Service's base URL for the account's region: mcs.us1.twilio.com in US1 by
 * default, else mcs.<edge>.<region>.twilio.com (a region's data is only reachable in it).
 */
export function mcsBaseUrl(
  config: Pick<TConfig, 'TWILIO_MEDIA_REGION' | 'TWILIO_MEDIA_EDGE'>,
): string {
  const edge = config.TWILIO_MEDIA_EDGE ?? homeEdge[config.TWILIO_MEDIA_REGION];
  return edge
    ? `https://mcs.${edge}.${config.TWILIO_MEDIA_REGION}.twilio.com`
    : `https://mcs.${config.TWILIO_MEDIA_REGION}.twilio.com`;
}

import type { TConfig } from '../../config/config';

type TRegionConfig = Pick<TConfig, 'TWILIO_MEDIA_REGION' | 'TWILIO_MEDIA_EDGE'>;

/** Each Twilio Region's own edge, used when none is configured (Twilio's regional hosts). */
const homeEdge = { us1: null, ie1: 'dublin', au1: 'sydney' } as const;

/**
 * The Media Content Service's base URL for the account's region: mcs.us1.twilio.com in US1 by
 * default, else mcs.<edge>.<region>.twilio.com (a region's data is only reachable in it).
 */
export function mcsBaseUrl(config: TRegionConfig): string {
  const edge = config.TWILIO_MEDIA_EDGE ?? homeEdge[config.TWILIO_MEDIA_REGION];
  return edge
    ? `https://mcs.${edge}.${config.TWILIO_MEDIA_REGION}.twilio.com`
    : `https://mcs.${config.TWILIO_MEDIA_REGION}.twilio.com`;
}

/**
 * The `region` and `edge` options for the twilio client that sends Conversations REST calls, so
 * it asks conversations.<edge>.<region>.twilio.com (Twilio's Conversations API overview documents
 * an edge in that host, e.g. conversations.sydney.us1.twilio.com). US1 without an edge keeps the
 * default conversations.twilio.com. Another region always names an edge: the twilio package alone
 * would build conversations.ie1.twilio.com, a legacy host Twilio retired (twilio-node#1012).
 */
export function conversationsHostOptions(config: TRegionConfig): {
  region?: string;
  edge?: string;
} {
  const edge = config.TWILIO_MEDIA_EDGE ?? homeEdge[config.TWILIO_MEDIA_REGION];
  return edge ? { region: config.TWILIO_MEDIA_REGION, edge } : {};
}

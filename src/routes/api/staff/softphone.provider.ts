import twilio from 'twilio';
import { z } from 'zod';
import { ConfigError, type TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';

type TSoftphoneConfigKeys =
  | 'TWILIO_ACCOUNT_SID'
  | 'TWILIO_API_BASE_URL'
  | 'TWILIO_API_KEY_SID'
  | 'TWILIO_API_KEY_SECRET'
  | 'TWILIO_TOKEN_TTL_SECONDS';

export type TSoftphoneSetup =
  { mode: 'twilio'; token: string } | { mode: 'simulator' } | { mode: 'none' };

export type TSoftphoneProvider = {
  /** What the console starts for this user: a Voice SDK token, the simulator, or nothing. */
  setup: (userId: string) => TSoftphoneSetup;
  /** Simulator only: rings waiting on this user's `client:<userId>` leg. */
  pendingRings: (userId: string) => Promise<Array<{ id: string }>>;
  /** Simulator only: answers or hangs up one of this user's rings (someone else's → 404). */
  actOnRing: (userId: string, ringId: string, action: 'answer' | 'hangup') => Promise<void>;
};

const ZRings = z.array(z.object({ id: z.string(), target: z.string(), state: z.string() }));

/**
 * The counsellor's audio leg is `client:<staff id>` (see routing's bridge). With real Twilio the
 * browser registers that identity with an access token signed by an API key; against the
 * simulator (TWILIO_API_BASE_URL set) the console answers the simulator's ring through this API,
 * so the browser never talks to the simulator and cannot touch another user's leg.
 */
export function softphoneProvider(config: Pick<TConfig, TSoftphoneConfigKeys>): TSoftphoneProvider {
  const simulator = config.TWILIO_API_BASE_URL?.replace(/\/+$/, '');
  const keySid = config.TWILIO_API_KEY_SID;
  const keySecret = config.TWILIO_API_KEY_SECRET;
  // Half an API key would only fail when a counsellor accepts a call; refuse it at boot.
  if (!keySid !== !keySecret)
    throw new ConfigError(
      `Invalid configuration: ${keySid ? 'TWILIO_API_KEY_SECRET' : 'TWILIO_API_KEY_SID'} is required with the other TWILIO_API_KEY_ variable`,
    );

  const simulatorUrl = (): string => {
    if (!simulator) throw new AppError('NOT_FOUND', { internal: 'softphone is not simulated' });
    return simulator;
  };
  const ringsOf = async (userId: string, state?: string) => {
    const query = new URLSearchParams({ target: `client:${userId}`, ...(state ? { state } : {}) });
    const response = await fetch(`${simulatorUrl()}/sim/rings?${query}`);
    if (!response.ok)
      throw new AppError('TELEPHONY_FAILED', { internal: `sim ${response.status}` });
    return ZRings.parse(await response.json());
  };

  return {
    setup: (userId) => {
      if (simulator) return { mode: 'simulator' };
      if (!keySid || !keySecret) return { mode: 'none' };
      const token = new twilio.jwt.AccessToken(config.TWILIO_ACCOUNT_SID, keySid, keySecret, {
        identity: userId,
        ttl: config.TWILIO_TOKEN_TTL_SECONDS,
      });
      // Incoming only: the server rings the counsellor into the call; the browser never dials out.
      token.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ incomingAllow: true }));
      return { mode: 'twilio', token: token.toJwt() };
    },
    pendingRings: async (userId) => (await ringsOf(userId, 'ringing')).map((r) => ({ id: r.id })),
    actOnRing: async (userId, ringId, action) => {
      const mine = (await ringsOf(userId)).some((r) => r.id === ringId);
      if (!mine) throw new AppError('NOT_FOUND');
      const response = await fetch(
        `${simulatorUrl()}/sim/rings/${encodeURIComponent(ringId)}/${action}`,
        { method: 'POST' },
      );
      if (!response.ok)
        throw new AppError('TELEPHONY_FAILED', { internal: `sim ${response.status}` });
    },
  };
}

import type { TConfig } from '../../../config/config';
import type { TTelephonyProvider } from '../../telephony/telephony.provider';
import { twilioProvider } from '../../telephony/twilio.provider';

let cached: { config: TConfig; send: TTelephonyProvider['sendSms'] } | undefined;

/** SMS through the telephony provider (Twilio, or the simulator when TWILIO_API_BASE_URL is set). */
export function smsSender(config: TConfig): TTelephonyProvider['sendSms'] {
  if (cached?.config !== config) {
    const provider = twilioProvider(config);
    cached = { config, send: (args) => provider.sendSms(args) };
  }
  return cached.send;
}

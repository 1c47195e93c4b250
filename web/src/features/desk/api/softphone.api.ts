import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import type { TSimulatorRings } from '../softphone/simulator-softphone';

const ZSoftphoneConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('twilio'), token: z.string() }),
  z.object({ mode: z.literal('simulator') }),
  // No browser softphone on this server: the counsellor answers on a mobile.
  z.object({ mode: z.literal('none') }),
]);
export type TSoftphoneConfig = z.infer<typeof ZSoftphoneConfig>;

export const softphoneConfig = () => api.get('/api/staff/softphone', ZSoftphoneConfig);

export const twilioToken = async () => {
  const config = await softphoneConfig();
  if (config.mode !== 'twilio') throw new Error('not in Twilio mode');
  return config.token;
};

const ZRings = z.array(z.object({ id: z.string() }));

export const simulatorRings: TSimulatorRings = {
  pending: () => api.get('/api/staff/softphone/rings', ZRings),
  answer: (id) => api.post(`/api/staff/softphone/rings/${id}/answer`),
  hangup: (id) => api.post(`/api/staff/softphone/rings/${id}/hangup`),
};

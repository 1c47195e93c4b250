import { api } from '../../../shared/api/api-client';
import { ZPendingRings, ZSoftphoneSetup } from '../../../../../src/contracts/api/desk';
import type { TSimulatorRings } from '../softphone/simulator-softphone';

export type { TSoftphoneSetup as TSoftphoneConfig } from '../../../../../src/contracts/api/desk';

export const softphoneConfig = () => api.get('/api/staff/softphone', ZSoftphoneSetup);

export const twilioToken = async () => {
  const config = await softphoneConfig();
  if (config.mode !== 'twilio') throw new Error('not in Twilio mode');
  return config.token;
};

export const simulatorRings: TSimulatorRings = {
  pending: () => api.get('/api/staff/softphone/rings', ZPendingRings),
  answer: (id) => api.post(`/api/staff/softphone/rings/${id}/answer`),
  hangup: (id) => api.post(`/api/staff/softphone/rings/${id}/hangup`),
};

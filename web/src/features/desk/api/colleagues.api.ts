import { api } from '../../../shared/api/api-client';
import { ZAvailableColleagues } from '../../../../../src/contracts/api/desk';

/** Colleagues available now on my hotlines (names only), for a warm transfer. */
export const availableColleagues = async () =>
  (await api.get('/api/staff/colleagues/available', ZAvailableColleagues)).colleagues;

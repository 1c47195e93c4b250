import { api } from '../../../shared/api/api-client';
import { ZStaffDirectory } from '../../../../../src/contracts/api/oversight';

export type { TDirectoryEntry as TStaffEntry } from '../../../../../src/contracts/api/oversight';

/** Names for the user ids the live view carries (the socket never sends names). */
export const fetchDirectory = async () =>
  (await api.get('/api/staff/admin/directory', ZStaffDirectory)).staff;

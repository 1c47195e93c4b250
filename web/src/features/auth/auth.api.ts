import { api } from '../../shared/api/api-client';

export type TCredentials = { username: string; password: string; totp?: string };

/** Signs in; a second factor is asked for with the SECOND_FACTOR_REQUIRED error code. */
export async function login(credentials: TCredentials): Promise<void> {
  await api.post('/auth/login', credentials);
}

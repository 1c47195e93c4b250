import { api } from '../../shared/api/api-client';

/** Self-service change: the server ends the user's other sessions and keeps this one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.post('/auth/password', { currentPassword, newPassword });
}

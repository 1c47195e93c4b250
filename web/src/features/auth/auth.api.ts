import { api } from '../../shared/api/api-client';
import { ZLoginResult, type TLoginResult } from '../../../../src/contracts/api/auth';

export { ZLoginResult, type TLoginResult };

export function login(username: string, password: string): Promise<TLoginResult> {
  return api.post('/auth/login', { username, password }, ZLoginResult);
}

export function verifyTotp(challenge: string, code: string): Promise<TLoginResult> {
  return api.post('/auth/totp', { challenge, code }, ZLoginResult);
}

import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZChannelCapacity,
  ZUser,
  type TChannelCapacity,
} from '../../../../../src/contracts/staff-users';
import type { TUserCreate, TUserUpdate } from '../../../../../src/contracts/api/users';

export type { TUser } from '../../../../../src/contracts/staff-users';

export type { TUserCreate, TUserUpdate } from '../../../../../src/contracts/api/users';

export const fetchUsers = () => api.get('/api/staff/users', z.array(ZUser));
export const createUser = (body: TUserCreate) => api.post('/api/staff/users', body, ZUser);
/** A temporary password: the user's sessions end and they choose their own at the next sign-in. */
export const resetPassword = (id: string, temporaryPassword: string) =>
  api.post(`/api/staff/users/${id}/password`, { temporaryPassword });
export const updateUser = (id: string, body: TUserUpdate) =>
  api.patch(`/api/staff/users/${id}`, body, ZUser);
/** Calls and chats at once, and a call beside chats: an administrator's or supervisor's setting. */
export const saveCapacity = (id: string, body: TChannelCapacity) =>
  api.put(`/api/staff/users/${id}/capacity`, body, ZChannelCapacity);

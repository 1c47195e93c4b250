import { api } from '../../../shared/api/api-client';
import { ZAdminAnswerOn, type TAnswerOnChange } from '../../../../../src/contracts/api/answer-on';

export type { TAdminAnswerOn } from '../../../../../src/contracts/api/answer-on';

export const userAnswerOn = (userId: string) =>
  api.get(`/api/staff/users/${userId}/answer-on`, ZAdminAnswerOn);

/** `mobile` left out keeps the saved number. */
export const saveUserAnswerOn = (userId: string, change: TAnswerOnChange) =>
  api.put(`/api/staff/users/${userId}/answer-on`, change, ZAdminAnswerOn);

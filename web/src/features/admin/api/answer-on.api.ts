import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

/** What an administrator sees of where someone answers: never the whole mobile number. */
const ZAdminAnswerOn = z.object({
  answerOn: z.enum(['browser', 'mobile']),
  mobileEnding: z.string().nullable(),
});
export type TAdminAnswerOn = z.infer<typeof ZAdminAnswerOn>;

export const userAnswerOn = (userId: string) =>
  api.get(`/api/staff/users/${userId}/answer-on`, ZAdminAnswerOn);

/** `mobile` left out keeps the saved number. */
export const saveUserAnswerOn = (
  userId: string,
  change: { answerOn: TAdminAnswerOn['answerOn']; mobile?: string },
) => api.put(`/api/staff/users/${userId}/answer-on`, change, ZAdminAnswerOn);

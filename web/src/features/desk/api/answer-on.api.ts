import { z } from 'zod';
import { api } from '../../../shared/api/api-client';

const ZAnswerOn = z.object({
  answerOn: z.enum(['browser', 'mobile']),
  mobile: z.string().nullable(),
});
export type TAnswerOn = z.infer<typeof ZAnswerOn>;

/** Where my accepted calls ring: this browser's softphone or my own mobile. */
export const myAnswerOn = () => api.get('/api/staff/me/answer-on', ZAnswerOn);

export const saveMyAnswerOn = (change: Partial<TAnswerOn>) =>
  api.put('/api/staff/me/answer-on', change, ZAnswerOn);

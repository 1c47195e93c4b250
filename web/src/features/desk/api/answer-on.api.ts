import { api } from '../../../shared/api/api-client';
import { ZOwnAnswerOn, type TAnswerOnChange } from '../../../../../src/contracts/api/answer-on';

export type { TOwnAnswerOn as TAnswerOn } from '../../../../../src/contracts/api/answer-on';

/** Where my accepted calls ring: this browser's softphone or my own mobile. */
export const myAnswerOn = () => api.get('/api/staff/me/answer-on', ZOwnAnswerOn);

export const saveMyAnswerOn = (change: TAnswerOnChange) =>
  api.put('/api/staff/me/answer-on', change, ZOwnAnswerOn);

// Where accepted calls ring: the staff API's schemas, and the desk's and admin screens' types.
// Zod only: web/ imports this file.
import { z } from 'zod';
import { E164 } from '../phone';

export const answerOnChoices = ['browser', 'mobile'] as const;
export type TAnswerOnChoice = (typeof answerOnChoices)[number];

export const ZAnswerOnChange = z
  .object({
    answerOn: z.enum(answerOnChoices),
    // The field is named `mobile` so the logger's redaction paths cover it wherever it appears.
    mobile: z.string().trim().regex(E164).nullable(),
  })
  .partial()
  .refine((c) => c.answerOn !== undefined || c.mobile !== undefined, {
    message: 'nothing to change',
  });
export type TAnswerOnChange = z.input<typeof ZAnswerOnChange>;

/** My own setting, with my number. */
export const ZOwnAnswerOn = z.object({
  answerOn: z.enum(answerOnChoices),
  mobile: z.string().nullable(),
});
export type TOwnAnswerOn = z.infer<typeof ZOwnAnswerOn>;

/** What an administrator sees of where someone answers: never the whole mobile number. */
export const ZAdminAnswerOn = z.object({
  answerOn: z.enum(answerOnChoices),
  mobileEnding: z.string().nullable(),
});
export type TAdminAnswerOn = z.infer<typeof ZAdminAnswerOn>;

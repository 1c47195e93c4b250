// A case's referrals as the desk follows them: the staff API's answer and the desk's types.
// Zod and contracts only: web/ imports this file.
import { z } from 'zod';
import { consentOverrideReasons } from '../consent-requirements';
import { referralHoldReasons, referralHoldStatuses } from '../referral-vocabulary';

/** GET /api/staff/referrals?caseId=…: each referral with its tickets and the partners held back. */
export const ZReferralList = z.array(
  z.object({
    id: z.string(),
    personId: z.string().nullable(),
    isChild: z.boolean(),
    needs: z.array(z.string()),
    priority: z.string(),
    status: z.string(),
    dangerOverride: z.boolean(),
    unroutedNeeds: z.array(z.string()),
    blockedUnitIds: z.array(z.string()),
    createdAt: z.iso.datetime(),
    tickets: z.array(
      z.object({
        id: z.string(),
        unitId: z.string(),
        unitName: z.string(),
        unitNameLo: z.string(),
        unitKind: z.string(),
        state: z.string(),
        escalationLevel: z.number(),
        replacesTicketId: z.string().nullable(),
        declineReason: z.string().nullable(),
        outcome: z.string().nullable(),
        dueAcknowledgeAt: z.iso.datetime().nullable(),
      }),
    ),
    holds: z.array(
      z.object({
        id: z.string(),
        unitId: z.string(),
        unitName: z.string(),
        unitNameLo: z.string(),
        unitKind: z.string(),
        needs: z.array(z.string()),
        scope: z.string(),
        reason: z.enum(referralHoldReasons),
        status: z.enum(referralHoldStatuses),
        releasing: z.boolean(),
        overrideReason: z.enum(consentOverrideReasons).nullable(),
        ticketId: z.string().nullable(),
      }),
    ),
  }),
);
export type TReferral = z.infer<typeof ZReferralList>[number];
export type THold = TReferral['holds'][number];

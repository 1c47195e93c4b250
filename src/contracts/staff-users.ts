// Staff accounts as the administration API answers them and the admin screens read them.
// Constants and zod only: web/ imports this file, so nothing server-side may be imported here.
import { z } from 'zod';

export const staffRoles = [
  'counsellor',
  'supervisor',
  'partner_agent',
  'partner_manager',
  'statistician',
  'administrator',
] as const;
export type TStaffRole = (typeof staffRoles)[number];

/**
 * A counsellor's capacity per channel, as an administrator or supervisor sets it: calls at once
 * (0: chats only), chats at once (0: calls only), and whether a call may be offered while she
 * holds chats. Bounds mirror modules/routing/capacity.policy.
 */
export const ZChannelCapacity = z.object({
  voiceCapacity: z.number().int().min(0).max(1),
  chatCapacity: z.number().int().min(0).max(10),
  callsWhileChatting: z.boolean(),
});
export type TChannelCapacity = z.infer<typeof ZChannelCapacity>;

/** A staff account; secrets (password hash, TOTP seed) never leave the server. */
export const ZUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  hotlines: z.array(z.string()),
  languages: z.array(z.string()),
  organisationKey: z.string().nullable(),
  provinceCode: z.string().nullable(),
  totpRequired: z.boolean(),
  totpEnrolled: z.boolean(),
  passwordChangeRequired: z.boolean(),
  ...ZChannelCapacity.shape,
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TUser = z.infer<typeof ZUser>;

/** Who is signed in (GET /auth/me, and the sign-in answer): what the web app routes and scopes by. */
export const ZSignedInUser = ZUser.pick({
  username: true,
  displayName: true,
  role: true,
  hotlines: true,
  languages: true,
  organisationKey: true,
  provinceCode: true,
  passwordChangeRequired: true,
}).extend({ userId: z.uuid() });
export type TSignedInUser = z.infer<typeof ZSignedInUser>;

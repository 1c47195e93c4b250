import { z } from 'zod';

/** A staff account's answer is the admin screens' too: one contract in src/contracts. */
export { ZUser } from '../../../../contracts/staff-users';

/** What an administrator sends to make or change an account: one contract with the screen. */
export { ZUserCreate, ZUserUpdate } from '../../../../contracts/api/users';

/** An administrator's reset: a temporary password the user must replace at the next sign-in. */
export const ZPasswordReset = z.object({ temporaryPassword: z.string().min(1).max(200) });
export const ZQueued = z.object({ jobId: z.string() });
export const ZAuditVerify = z.object({
  rows: z.number().int(),
  intact: z.boolean(),
  firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  /** Rows not chained yet: a large or old tail means the sealer (in the workers) is not running. */
  unsealed: z.object({ rows: z.number().int(), oldestAt: z.date().nullable() }),
});

// The supervisors' oversight answers (audit log, staff directory): the staff API's schemas and
// the supervisor screens' and wallboard's types. Zod only: web/ imports this file.
import { z } from 'zod';
import { staffRoles } from '../staff-users';

export const ZAuditQuery = z
  .object({
    caseCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .optional(),
    entityType: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
    // Ids and codes only: the value is written into the audit row of this read.
    entityId: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,80}$/)
      .optional(),
    actorId: z.uuid().optional(),
    action: z
      .string()
      .regex(/^[a-z_-]{1,40}(\.[a-z_-]{0,40})?$/)
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });

/** One audit entry, names resolved; the case's code when the entry is about a case. */
export const ZAuditRow = z.object({
  seq: z.number(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  caseCode: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;
/** A page of the log, newest first; `nextBefore` asks for the next older page. */
export const ZAuditPage = z.object({ rows: z.array(ZAuditRow), nextBefore: z.number().nullable() });
/** The filters a supervisor sets (the page's cursor and size are the client's). */
export type TAuditFilter = Omit<z.input<typeof ZAuditQuery>, 'before' | 'limit'>;

/** Who is who, for live views that carry only user ids (the wallboard, the audit filters). */
export const ZDirectoryEntry = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  hotlines: z.array(z.string()),
  languages: z.array(z.string()),
});
export type TDirectoryEntry = z.infer<typeof ZDirectoryEntry>;
export const ZStaffDirectory = z.object({ staff: z.array(ZDirectoryEntry) });

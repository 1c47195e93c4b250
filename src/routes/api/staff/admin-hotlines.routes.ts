import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hotlines } from '../../../../db/schema/hotlines';
import { AppError } from '../../../errors/catalogue';
import type { TAppDeps } from '../../../app.types';
import type { TActor } from '../../../modules/auth/actor';
import { recordAudit } from '../../../modules/audit/audit.repository';
import { announceHotlineChange } from '../../../modules/hotlines/hotline-settings.channel';
import { afterHoursModes, ZHotline, ZOpeningHours } from '../../../contracts/hotlines';
import { ZErrorBody } from '../../error.schema';

const ZHotlineChange = z
  .object({
    openingHours: ZOpeningHours,
    afterHours: z.enum(afterHoursModes),
    dutyMobile: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/)
      .nullable(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/))
      .min(1)
      .max(12),
    defaultLanguage: z.string().regex(/^[a-z]{2,3}$/),
    recordingNotice: z.boolean(),
    afterCallQuestion: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'nothing to change' });

type THotlineRow = typeof hotlines.$inferSelect;
type THotlineChange = z.infer<typeof ZHotlineChange>;

function toView(row: THotlineRow): z.infer<typeof ZHotline> {
  return {
    number: row.number,
    nameLo: row.nameLo,
    nameEn: row.nameEn,
    phoneNumber: row.phoneNumber,
    languages: row.languages,
    defaultLanguage: row.defaultLanguage,
    openingHours: row.openingHours,
    afterHours: row.afterHours,
    dutyMobile: row.dutyMobile,
    recordingNotice: row.recordingNotice,
    afterCallQuestion: row.afterCallQuestion,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const inScope = (actor: TActor, number: string) =>
  actor.role === 'administrator' || actor.hotlines.includes(number);

async function listHotlines(deps: TAppDeps, actor: TActor) {
  const rows = await deps.db.select().from(hotlines).orderBy(asc(hotlines.number));
  return rows.filter((r) => inScope(actor, r.number)).map(toView);
}

/** Saves the change and its audit row in one transaction, then tells every node to reload. */
async function changeHotline(
  deps: TAppDeps,
  actor: TActor,
  number: string,
  change: THotlineChange,
): Promise<z.infer<typeof ZHotline>> {
  const next = { ...change };
  const row = await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(hotlines)
      .where(eq(hotlines.number, number))
      .for('update');
    if (!current || !inScope(actor, number)) throw new AppError('NOT_FOUND');
    const languages = next.languages ?? current.languages;
    const defaultLanguage = next.defaultLanguage ?? current.defaultLanguage;
    if (!languages.includes(defaultLanguage)) throw new AppError('VALIDATION_FAILED');
    const afterHours = next.afterHours ?? current.afterHours;
    const dutyMobile = next.dutyMobile === undefined ? current.dutyMobile : next.dutyMobile;
    if (afterHours === 'forward' && !dutyMobile) throw new AppError('VALIDATION_FAILED');
    const [updated] = await tx
      .update(hotlines)
      .set(next)
      .where(eq(hotlines.number, number))
      .returning();
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'hotline.settings_changed',
      entityType: 'hotline',
      entityId: number,
      data: { fields: Object.keys(next).sort() },
    });
    return updated as THotlineRow;
  });
  await announceHotlineChange(deps.redis, deps.config.REDIS_PREFIX, number);
  return toView(row);
}

/** /api/staff/admin/hotlines: numbers, opening hours, holidays, duty mobile, languages, notice. */
export const adminHotlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const errors = { 401: ZErrorBody, 403: ZErrorBody };

  app.get(
    '/admin/hotlines',
    {
      schema: {
        tags: ['admin'],
        response: { 200: z.object({ hotlines: z.array(ZHotline) }), ...errors },
      },
      config: { permission: 'hotline.view' },
    },
    async (request) => ({ hotlines: await listHotlines(app.deps, request.actor) }),
  );

  app.patch(
    '/admin/hotlines/:number',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ number: z.string().regex(/^\d{3,6}$/) }),
        body: ZHotlineChange,
        response: { 200: ZHotline, 400: ZErrorBody, 404: ZErrorBody, ...errors },
      },
      config: { permission: 'hotline.manage' },
    },
    async (request) => changeHotline(app.deps, request.actor, request.params.number, request.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { partnerKinds } from '../../../../db/schema/partners';
import { listUnits, saveUnit } from '../../../modules/partners/partner-units.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));
const ZPhone = z.string().regex(/^\+[1-9]\d{6,14}$/);
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

const ZHours = z.object({
  alwaysOpen: z.boolean(),
  weekly: z.partialRecord(
    z.enum(['1', '2', '3', '4', '5', '6', '7']),
    z
      .array(
        // close < open is a night shift running past midnight (20:00–06:00).
        z.tuple([ZTime, ZTime]).refine(([a, b]) => a !== b, 'a range must not close as it opens'),
      )
      .max(6),
  ),
  holidays: z.array(z.iso.date()).max(366),
});

const ZUnitInput = z.object({
  organisationKey: z.string().min(1).max(80),
  nameLo: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  kind: z.enum(partnerKinds),
  services: z.array(z.string().max(60)).max(30),
  provinces: z.array(z.string().regex(/^LA-[A-Z]{2}$/)).max(18),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(12),
  hours: ZHours,
  intake: z.object({
    sexes: z.array(z.enum(['female', 'male', 'other', 'unknown'])),
    minAge: z.number().int().min(0).max(120).nullable(),
    maxAge: z.number().int().min(0).max(120).nullable(),
    nationalities: z.array(z.string().regex(/^[A-Z]{2}$/)),
  }),
  focalPoints: z
    .array(
      z.object({
        role: z.enum(['focal_point', 'manager']),
        staffUserId: z.string().uuid().nullable(),
        label: z.string().trim().min(1).max(120),
        smsNumber: ZPhone.nullable(),
      }),
    )
    .max(10),
  usesSystem: z.boolean(),
  webhookUrl: z
    .string()
    .url()
    .startsWith('https://')
    .or(z.string().url().startsWith('http://127.0.0.1'))
    .nullable(),
  webhookSecret: z.string().min(32).max(200).nullable().optional(),
  smsNumbers: z.array(ZPhone).max(5),
  active: z.boolean(),
});

const ZUnit = ZUnitInput.omit({ webhookSecret: true }).extend({
  id: z.string(),
  webhookSecretSet: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** Partner directory administration: units, channels, hours, intake criteria, focal points. */
export const partnerDirectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['partners'];

  app.get(
    '/partners/units',
    {
      config: { permission: 'partner.view' },
      schema: { tags, response: { 200: z.array(ZUnit), ...errors } },
    },
    async () => asJson(await listUnits(app.deps.db)),
  );

  app.post(
    '/partners/units',
    {
      config: { permission: 'partner.manage' },
      schema: { tags, body: ZUnitInput, response: { 201: ZUnit, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(asJson(await saveUnit(app.deps, request.actor, null, request.body))),
  );

  app.patch(
    '/partners/units/:id',
    {
      config: { permission: 'partner.manage' },
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        body: ZUnitInput.partial().refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: ZUnit, ...errors },
      },
    },
    async (request) =>
      asJson(await saveUnit(app.deps, request.actor, request.params.id, request.body)),
  );
};

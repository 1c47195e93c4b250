import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZNewPin,
  ZPromptPlaceholders,
  ZRecorder,
  ZRecordingLine,
} from '../../../contracts/api/recording-line';
import { requireHotline } from '../../../modules/hotlines/hotline-admin.service';
import { promptReadiness } from '../../../modules/prompts/prompt-readiness.service';
import { recordingLineAdmin } from '../../../modules/voice/recording-line/recording-line-admin.service';
import { ZErrorBody } from '../../error.schema';

const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  422: ZErrorBody,
};
const ZLine = ZRecordingLine;
// Validated for shape only here; the policy says which PINs are too simple (422).
const ZPin = z.object({ pin: z.string().max(32) });
const config = { permission: 'hotline.manage' as const };

/**
 * The prompts' recording line, as administrators set it up: which numbers are recording lines
 * (one hotline's, or system-wide: hotline null), and PINs (her own, or another administrator's).
 */
export const recordingLineAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = recordingLineAdmin(app.deps);

  app.get(
    '/recording-lines',
    {
      config,
      schema: {
        response: { 200: z.object({ lines: z.array(ZLine) }), ...errors },
        tags: ['admin'],
        summary: 'Numbers of the prompts’ recording line',
      },
    },
    async () => ({ lines: await admin.listLines() }),
  );

  app.post(
    '/recording-lines',
    {
      config,
      schema: {
        body: z.object({
          phoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/),
          hotline: z
            .string()
            .regex(/^\d{3,8}$/)
            .nullable(),
        }),
        response: { 201: z.object({ id: z.uuid() }), ...errors },
        tags: ['admin'],
        summary: 'Make a number a recording line (one hotline’s, or every hotline’s)',
      },
    },
    async (request, reply) => {
      if (request.body.hotline) await requireHotline(app.deps, request.body.hotline);
      const saved = await admin.putLine(request.body, request.actor.userId);
      return reply.status(201).send(saved);
    },
  );

  app.delete(
    '/recording-lines/:id',
    {
      config,
      schema: {
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
        tags: ['admin'],
        summary: 'Stop a number being a recording line',
      },
    },
    async (request, reply) => {
      await admin.removeLine(request.params.id, request.actor.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/recording-pins',
    {
      config,
      schema: {
        response: { 200: z.object({ recorders: z.array(ZRecorder) }), ...errors },
        tags: ['admin'],
        summary: 'Administrators who may record prompts, and whether each has a PIN',
      },
    },
    async () => ({ recorders: await admin.listRecorders() }),
  );

  app.post(
    '/users/:id/recording-pin/new',
    {
      config,
      schema: {
        params: z.object({ id: z.uuid() }),
        response: { 201: ZNewPin, ...errors },
        tags: ['admin'],
        summary: 'Make up a new PIN for an administrator (shown in this answer only)',
      },
    },
    async (request, reply) => {
      const made = await admin.newPin(request.params.id, request.actor.userId);
      // Shown once: no cache anywhere may keep it.
      return reply.status(201).header('cache-control', 'no-store').send(made);
    },
  );

  app.get(
    '/prompt-placeholders',
    {
      config,
      schema: {
        response: { 200: ZPromptPlaceholders, ...errors },
        tags: ['admin'],
        summary: 'Per active hotline, the prompts callers still hear as placeholders',
      },
    },
    async (request) => {
      const mine = request.actor.hotlines;
      const all = await promptReadiness(app.deps.db);
      return {
        hotlines: all.filter((h) => mine.length === 0 || mine.includes(h.hotline)),
      };
    },
  );

  app.put(
    '/me/recording-pin',
    {
      config,
      schema: {
        body: ZPin,
        response: { 204: z.null(), ...errors },
        tags: ['admin'],
        summary: 'Set my PIN for the recording line',
      },
    },
    async (request, reply) => {
      await admin.setPin(request.actor.userId, request.body.pin, request.actor.userId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/users/:id/recording-pin',
    {
      config,
      schema: {
        params: z.object({ id: z.uuid() }),
        body: ZPin,
        response: { 204: z.null(), ...errors },
        tags: ['admin'],
        summary: 'Set another administrator’s PIN for the recording line',
      },
    },
    async (request, reply) => {
      await admin.setPin(request.params.id, request.body.pin, request.actor.userId);
      return reply.status(204).send(null);
    },
  );
};

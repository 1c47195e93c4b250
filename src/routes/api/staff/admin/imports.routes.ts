import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  importKinds,
  ZImportBatch as ZBatch,
  ZImportUploaded,
} from '../../../../contracts/api/imports';
import { AppError } from '../../../../errors/catalogue';
import { importRunJob } from '../../../../jobs/import-run.job';
import { JobQueues } from '../../../../jobs/job-queues';
import { buildTemplate } from '../../../../modules/imports/import-template';
import { readerLanguage } from '../../../../modules/imports/import-messages';
import {
  createImportBatch,
  importBatchOf,
  queueImportRun,
  undoImportBatch,
} from '../../../../modules/imports/imports.service';
import { ZErrorBody } from '../../../error.schema';
import { errors } from '../records/records.schemas';

const tags = ['administration'];
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 100,000 contacts with summaries fit comfortably; larger histories go in several files. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const permission = 'import.run' as const;

const ZParams = z.object({ id: z.uuid() });
const ZLang = z.object({ lang: z.enum(['lo', 'en']).optional() });
/**
 * Import of historical records: template, upload (the file itself as the body, CSV or XLSX),
 * dry run, import, progress and undo. The worker does the checking and writing.
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const queues = new JobQueues(deps.redis, deps.config.REDIS_PREFIX);
  app.addHook('onClose', () => queues.close());
  app.addContentTypeParser(
    [CSV, XLSX],
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_req, body, done) => done(null, body),
  );
  const view = (id: string, lang: string | undefined, accept: string | undefined) =>
    importBatchOf(deps.db, id, readerLanguage(lang, accept));

  app.get(
    '/admin/imports/template/:kind',
    {
      schema: {
        tags,
        params: z.object({ kind: z.enum(importKinds) }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
        response: { 200: z.any(), ...errors },
        summary: 'The import template of one record type (Lao and English headers)',
      },
      config: { permission },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const { format } = request.query;
      const file = await buildTemplate(kind, format);
      return reply
        .header('content-type', format === 'csv' ? `${CSV}; charset=utf-8` : XLSX)
        .header('content-disposition', `attachment; filename="saiduan-import-${kind}.${format}"`)
        .send(file);
    },
  );

  app.post(
    '/admin/imports',
    {
      schema: {
        tags,
        querystring: z.object({
          kind: z.enum(importKinds),
          hotline: z.string().regex(/^\d{3,8}$/),
        }),
        response: {
          201: ZImportUploaded,
          ...errors,
          413: ZErrorBody,
          415: ZErrorBody,
        },
        summary: 'Upload a file to import (body: text/csv or XLSX); nothing is written yet',
      },
      config: { permission, bodyTypes: [CSV, XLSX] },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
      if (!Buffer.isBuffer(request.body) || (type !== CSV && type !== XLSX))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const id = await createImportBatch(deps, request.actor, {
        ...request.query,
        format: type === CSV ? 'csv' : 'xlsx',
        file: request.body,
      });
      return reply.status(201).send({ id });
    },
  );

  for (const [path, mode] of [
    ['dry-run', 'check'],
    ['run', 'import'],
  ] as const)
    app.post(
      `/admin/imports/:id/${path}`,
      {
        schema: {
          tags,
          params: ZParams,
          response: { 202: z.object({ jobId: z.string() }), ...errors },
          summary: mode === 'check' ? 'Check every row, write nothing' : 'Import the good rows',
        },
        config: { permission },
      },
      async (request, reply) => {
        await queueImportRun(deps, request.params.id, mode);
        const jobId = await queues.enqueue(importRunJob, { batchId: request.params.id, mode });
        return reply.status(202).send({ jobId });
      },
    );

  app.get(
    '/admin/imports/:id',
    {
      schema: {
        tags,
        params: ZParams,
        querystring: ZLang,
        response: { 200: ZBatch, ...errors },
        summary: 'Progress and result: counts and each skipped row with its reason',
      },
      config: { permission },
    },
    async (request) =>
      view(request.params.id, request.query.lang, request.headers['accept-language']),
  );

  app.post(
    '/admin/imports/:id/undo',
    {
      schema: {
        tags,
        params: ZParams,
        querystring: ZLang,
        response: { 200: ZBatch, ...errors },
        summary: 'Remove every record this import created',
      },
      config: { permission },
    },
    async (request) => {
      await undoImportBatch(deps, request.actor, request.params.id);
      return view(request.params.id, request.query.lang, request.headers['accept-language']);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reportKinds,
  ZExportQuery,
  ZFreshnessQuery,
  ZRefreshAccepted,
  ZReport,
  ZReportFreshness,
  ZReportQuery,
} from '../../../contracts/api/reports';
import {
  exportReport,
  requestRefresh,
  viewFreshness,
  viewReport,
} from '../../../modules/reports/reports.service';
import { ZErrorBody } from '../../error.schema';
import { DEFAULT_K, MIN_K } from '../../../modules/reports/deidentified.policy';
import { exportDeidentified } from '../../../modules/reports/deidentified.service';
import { exportHtcds } from '../../../modules/reports/htcds.service';

const ZKind = z.object({ kind: z.enum(reportKinds) });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/**
 * /api/staff/reports: national statistics and operations figures for statisticians, supervisors
 * (their hotlines) and administrators; exports need their own permission and are audited.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  // A report that finds records newer than its aggregates asks the worker to refresh them.
  const deps = () => ({ ...app.deps, queues: app.services.jobProducers.queues });

  // Static paths: matched before /reports/:kind whatever the order.
  app.get(
    '/reports/freshness',
    {
      schema: {
        tags: ['reports'],
        querystring: ZFreshnessQuery,
        response: { 200: ZReportFreshness, ...errors },
      },
      config: { permission: 'report.view' },
    },
    (request) => viewFreshness(deps(), request.actor, request.query.kind),
  );

  // Exact figures now, for whoever must sign them: the worker refreshes, the screen polls.
  app.post(
    '/reports/refresh',
    {
      schema: {
        tags: ['reports'],
        body: ZFreshnessQuery,
        response: { 202: ZRefreshAccepted, ...errors },
      },
      config: { permission: 'report.refresh' },
    },
    async (request, reply) =>
      reply.code(202).send(await requestRefresh(deps(), request.actor, request.body.kind)),
  );

  // Registered before /reports/:kind/export so 'deidentified' is not read as a report kind.
  app.get(
    '/reports/deidentified/export',
    {
      schema: {
        tags: ['reports'],
        querystring: ZReportQuery.extend({
          k: z.coerce.number().int().min(MIN_K).max(1000).default(DEFAULT_K),
        }),
        response: { 200: z.any().describe('CSV file'), ...errors },
      },
      // A statistics file over a year of a national hotline may take longer than a screen does.
      config: { permission: 'report.export', deadlineMs: 120_000 },
    },
    async (request, reply) => {
      const file = await exportDeidentified(app.deps, request.actor, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  // A POST so that the passphrase travels in the body, never in a URL that proxies and logs keep.
  app.post(
    '/reports/htcds/export',
    {
      schema: {
        tags: ['reports'],
        body: ZReportQuery.extend({
          passphrase: z.string().min(12).max(200).optional(),
        }),
        response: { 200: z.any().describe('CSV file, or the same encrypted (.enc)'), ...errors },
      },
      config: { permission: 'report.htcds-export' },
    },
    async (request, reply) => {
      const file = await exportHtcds(app.deps, request.actor, request.body);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/reports/:kind',
    {
      schema: {
        tags: ['reports'],
        params: ZKind,
        querystring: ZReportQuery,
        response: { 200: ZReport, ...errors },
      },
      config: { permission: 'report.view' },
    },
    (request) => viewReport(deps(), request.actor, request.params.kind, request.query),
  );

  app.get(
    '/reports/:kind/export',
    {
      schema: {
        tags: ['reports'],
        params: ZKind,
        querystring: ZExportQuery,
        response: { 200: z.any().describe('CSV or XLSX file'), ...errors },
      },
      // A statistics file over a year of a national hotline may take longer than a screen does.
      config: { permission: 'report.export', deadlineMs: 120_000 },
    },
    async (request, reply) => {
      const file = await exportReport(deps(), request.actor, request.params.kind, request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};

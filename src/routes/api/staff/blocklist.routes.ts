import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBlock, ZNewBlock } from '../../../contracts/api/blocklist';
import { addBlock, listBlocks, removeBlock } from '../../../modules/blocklist/blocklist.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

type TBlockRow = {
  id: string;
  phoneLast: string | null;
  hotline: string | null;
  reason: string;
  expiresAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
};

const view = (b: TBlockRow) => ({
  id: b.id,
  phoneLast: b.phoneLast,
  hotline: b.hotline,
  reason: b.reason,
  expiresAt: b.expiresAt?.toISOString() ?? null,
  createdBy: b.createdBy,
  createdAt: b.createdAt.toISOString(),
});

/** /api/staff/blocklist: callers kept off the hotlines; numbers go in, only last digits come out. */
export const blocklistRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['blocklist'];

  app.get(
    '/blocklist',
    {
      config: { permission: 'blocklist.view' },
      schema: { tags, response: { 200: z.array(ZBlock), ...errors } },
    },
    async () => (await listBlocks(app.deps)).map(view),
  );

  app.post(
    '/blocklist',
    {
      config: { permission: 'blocklist.manage' },
      schema: { tags, body: ZNewBlock, response: { 201: ZBlock, ...errors } },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const block = await addBlock(app.deps, request.actor, {
        ...rest,
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      });
      return reply.status(201).send(view(block));
    },
  );

  app.delete(
    '/blocklist/:id',
    {
      config: { permission: 'blocklist.manage' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeBlock(app.deps, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};

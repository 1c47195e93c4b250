import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZSecondFactorExemption, ZSecondFactorSetting } from '../../../../contracts/second-factor';
import { staffRoles } from '../../../../contracts/staff-users';
import {
  exemptRole,
  listSecondFactorSettings,
  removeExemption,
} from '../../../../modules/auth/second-factor.service';
import { errors } from '../records/records.schemas';

const tags = ['users'];
const ZRoleParams = z.object({ role: z.enum(staffRoles) });

/** The per-role second factor: required by default, an administrator may exempt a role with a reason. */
export const secondFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const settings = async () =>
    (await listSecondFactorSettings(deps)).map((s) => ({
      ...s,
      exemption: s.exemption && { ...s.exemption, createdAt: s.exemption.createdAt.toISOString() },
    }));

  app.get(
    '/second-factor/roles',
    {
      schema: { tags, response: { 200: z.array(ZSecondFactorSetting), ...errors } },
      config: { permission: 'user.manage' },
    },
    settings,
  );

  app.put(
    '/second-factor/roles/:role/exemption',
    {
      schema: {
        tags,
        params: ZRoleParams,
        body: ZSecondFactorExemption,
        response: { 200: z.array(ZSecondFactorSetting), ...errors },
      },
      config: { permission: 'user.manage' },
    },
    async (request) => {
      await exemptRole(deps, request.actor, { role: request.params.role, ...request.body });
      return settings();
    },
  );

  app.delete(
    '/second-factor/roles/:role/exemption',
    {
      schema: {
        tags,
        params: ZRoleParams,
        response: { 200: z.array(ZSecondFactorSetting), ...errors },
      },
      config: { permission: 'user.manage' },
    },
    async (request) => {
      await removeExemption(deps, request.actor, request.params.role);
      return settings();
    },
  );
};

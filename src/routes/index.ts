import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health.routes';
import { authRoutes } from './auth/auth.routes';
import { staffRoutes } from './api/staff/index';
import { partnerRoutes } from './api/partner/index';
import { TWILIO_WEBHOOK_PREFIX } from '../modules/telephony/callback-urls';
import { twilioWebhookRoutes } from './webhooks/twilio/index';

/**
 * Routes, one folder per trust boundary, each with its own auth hook:
 * webhooks/twilio (signature), auth, api/staff (session + role), api/partner (partner scope).
 */
export const routes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(staffRoutes, { prefix: '/api/staff' });
  await app.register(partnerRoutes, { prefix: '/api/partner' });
  await app.register(twilioWebhookRoutes, { prefix: TWILIO_WEBHOOK_PREFIX });
};

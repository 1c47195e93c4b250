import type { FastifyPluginAsync } from 'fastify';
import { installStaffAuth } from './staff-auth.hook';
import { recordsRoutes } from './records/index';
import { adminRoutes } from './admin/index';
import { adminDirectoryRoutes } from './admin-directory.routes';
import { adminHotlineRoutes } from './admin-hotlines.routes';
import { partnerDirectoryRoutes } from './partners.routes';
import { referralRuleRoutes } from './referral-rules.routes';
import { referralRoutes } from './referrals.routes';
import { reportRoutes } from './reports.routes';
import { routingRoutes } from './routing.routes';
import { callbackRoutes } from './callbacks.routes';
import { chatRoutes } from './chats.routes';
import { chatSettingsRoutes } from './chat-settings.routes';
import { promptRoutes } from './prompts.routes';
import { recordingLineAdminRoutes } from './recording-line.routes';
import { auditRoutes } from './audit.routes';
import { blocklistRoutes } from './blocklist.routes';
import { softphoneRoutes } from './softphone.routes';
import { draftRoutes } from './drafts.routes';
import { colleagueRoutes } from './colleagues.routes';
import { answerOnRoutes } from './answer-on.routes';
import { consentRequirementRoutes } from './consent-requirements.routes';
import { webchatRoutes } from './webchat.routes';
import { formDefinitionRoutes } from './form-definitions.routes';

/**
 * /api/staff: counsellors, supervisors, statisticians, administrators (and partner users where a
 * permission grants it). Register each feature's `*.routes.ts` here, after the hook.
 */
export const staffRoutes: FastifyPluginAsync = async (app) => {
  installStaffAuth(app);
  await app.register(recordsRoutes);
  await app.register(reportRoutes);
  await app.register(adminRoutes);
  await app.register(adminHotlineRoutes);
  await app.register(adminDirectoryRoutes);
  await app.register(referralRoutes);
  await app.register(partnerDirectoryRoutes);
  await app.register(referralRuleRoutes);
  await app.register(routingRoutes);
  await app.register(callbackRoutes);
  await app.register(chatRoutes);
  await app.register(chatSettingsRoutes);
  await app.register(promptRoutes);
  await app.register(recordingLineAdminRoutes);
  await app.register(auditRoutes);
  await app.register(blocklistRoutes);
  await app.register(softphoneRoutes);
  await app.register(draftRoutes);
  await app.register(colleagueRoutes);
  await app.register(answerOnRoutes);
  await app.register(consentRequirementRoutes);
  await app.register(webchatRoutes);
  await app.register(formDefinitionRoutes);
};

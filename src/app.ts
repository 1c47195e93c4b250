import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { TAppDeps } from './app.types';
import { errorHandlerPlugin } from './plugins/error-handler';
import { securityPlugin } from './plugins/security';
import { browserRequestsPlugin } from './plugins/browser-requests';
import { requestDeadlinePlugin } from './plugins/request-deadline';
import { docsPlugin } from './plugins/docs';
import { routes } from './routes/index';
import { webPlugin } from './plugins/web';
import { telephonyPlugin } from './modules/telephony/telephony.plugin';
import { realtimePlugin } from './realtime/realtime.plugin';
import { chatPlugin } from './modules/chat/chat.plugin';
import { webchatLinkPlugin } from './realtime/webchat/webchat-link.plugin';

/**
 * The whole API as one plugin. Order: deps → external plugins → app services → routes.
 * Not encapsulated, so the error handler and decorations also cover whatever the host adds.
 */
export const app = fp<TAppDeps>(async (fastify, deps) => {
  fastify.decorate('deps', deps);
  await fastify.register(errorHandlerPlugin);
  await fastify.register(securityPlugin);
  await fastify.register(browserRequestsPlugin);
  await fastify.register(requestDeadlinePlugin);
  await fastify.register(cookie);
  await fastify.register(docsPlugin);
  await fastify.register(telephonyPlugin);
  await fastify.register(realtimePlugin);
  await fastify.register(chatPlugin);
  await fastify.register(webchatLinkPlugin);
  await fastify.register(routes);
  await fastify.register(webPlugin);
});

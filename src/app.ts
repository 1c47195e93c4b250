import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { TAppDeps } from './app.types';
import { composeApiNode, type TApiNode } from './composition-root';
import type { TTelephonyProvider } from './modules/telephony/telephony.provider';
import type { TCallLifecycle } from './modules/voice/call-lifecycle.events';
import type { TChatModule } from './modules/chat/chat.module';
import type { TWebchatService } from './realtime/webchat/webchat.service';
import { errorHandlerPlugin } from './plugins/error-handler';
import { securityPlugin } from './plugins/security';
import { browserRequestsPlugin } from './plugins/browser-requests';
import { requestDeadlinePlugin } from './plugins/request-deadline';
import { docsPlugin } from './plugins/docs';
import { routes } from './routes/index';
import { webPlugin } from './plugins/web';
import { realtimePlugin } from './realtime/realtime.plugin';

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    /** Every long-lived object of this node, built once by the composition root. */
    services: TApiNode;
    /** Twilio (or the simulator, through TWILIO_API_BASE_URL). */
    telephony: TTelephonyProvider;
    /** What happened to each call, for observers (logs, tests). */
    callLifecycle: TCallLifecycle;
    /** The chat channel: inbox, outbox, notices (the web-chat namespace plugs in here). */
    chat: TChatModule;
    /** The web chat for partners' sites: its transport, blocks, visitors' pre-chat answers. */
    webchat: TWebchatService;
    /** Set when the node is about to stop: /readyz then says so, and the balancer moves away. */
    draining: { active: boolean };
  }
}

/**
 * The whole API as one plugin. Order: deps → external plugins → the node's services (composition
 * root) → routes. Not encapsulated, so the error handler and decorations also cover whatever
 * the host adds.
 */
export const app = fp<TAppDeps>(async (fastify, deps) => {
  fastify.decorate('deps', deps);
  fastify.decorate('draining', { active: false });
  await fastify.register(errorHandlerPlugin);
  await fastify.register(securityPlugin);
  await fastify.register(browserRequestsPlugin);
  await fastify.register(requestDeadlinePlugin);
  await fastify.register(cookie);
  await fastify.register(docsPlugin);
  const node = composeApiNode(fastify);
  fastify.decorate('services', node);
  fastify.decorate('telephony', node.telephony);
  fastify.decorate('callLifecycle', node.lifecycle);
  fastify.decorate('chat', node.chat);
  fastify.decorate('webchat', node.webchat);
  await fastify.register(realtimePlugin, { node });
  await fastify.register(routes);
  await fastify.register(webPlugin);
});

import fp from 'fastify-plugin';
import type { TApiNode } from '../composition-root';
import type { TLiveCallContext } from '../modules/voice/conference/live-call.context';
import type { TIo } from './realtime.server';

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    io: TIo;
    /** Routing on this node, with voice's live part (call control, mobile legs, monitoring). */
    liveRouting: TLiveCallContext;
  }
}

/**
 * Live routing on this API node, as the composition root built it: Socket.IO (shared with the
 * other nodes through Redis), routing and its background work. This plugin builds nothing: it
 * exposes the node's socket server and routing, starts the node's work before the first request
 * and stops it with the app.
 */
export const realtimePlugin = fp<{ node: TApiNode }>(
  async (app, { node }) => {
    app.decorate('io', node.io);
    app.decorate('liveRouting', node.live);
    await node.start();
    app.addHook('preClose', () => node.stopping());
    app.addHook('onClose', () => node.close());
  },
  { name: 'realtime' },
);

import type { Redis } from 'ioredis';
import { rooms } from '../contracts/realtime';
import { sessionRevokedChannel } from '../modules/auth/session.repository';
import { pushPresence, type TRoutingContext } from '../modules/routing/routing.context';
import { routingKeyspace } from '../modules/routing/routing.keys';
import { duplicateRedis } from '../infra/redis';
import type { TIo } from './realtime.server';
import type { TRoomDelivery } from './room-delivery';

/**
 * What other nodes (and routing's Redis scripts) publish for this node's sockets: batched room
 * deliveries, offers withdrawn because their caller left, and sessions signed out or users
 * revoked (this node closes its own sockets).
 */
export function subscribeNodeChannels(deps: {
  io: TIo;
  redis: Redis;
  prefix: string;
  routing: TRoutingContext;
  delivery: TRoomDelivery;
  deliveryChannel: string;
}): { close(): void } {
  const { io, routing, delivery, deliveryChannel } = deps;
  const channels = duplicateRedis(deps.redis, 'subscriber');
  channels.on('error', () => {});
  // Routing's scripts publish under their own keyspace (routing.keys.ts), hash tag included.
  const withdrawnChannel = `${routingKeyspace(deps.prefix)}:routing:withdrawn`;
  channels.on('message', (channel: string, message: string) => {
    if (channel === deliveryChannel) return delivery.receive(message);
    if (channel === withdrawnChannel) {
      const [offerId = '', userId = ''] = message.split(' ');
      io.local.to(rooms.user(userId)).emit('call:withdrawn', { offerId, reason: 'caller-left' });
      void pushPresence(routing, userId).catch(() => {});
      void routing.dispatcher.kick();
      return;
    }
    // A signed-out session's room or a revoked user's room: this node closes its own sockets.
    if (/^(session|user):/.test(message)) io.local.in(message).disconnectSockets(true);
  });
  // Subscribed at each connection (ioredis would resubscribe by itself, but without telling when):
  // room delivery counts on knowing whether this node hears the channel.
  const listen = () =>
    void channels
      .subscribe(sessionRevokedChannel(deps.prefix), withdrawnChannel, deliveryChannel)
      .then(() => delivery.listening(true))
      .catch(() => {});
  channels.on('ready', listen);
  channels.on('close', () => delivery.listening(false));
  return { close: () => channels.disconnect() };
}

import { RoutingError } from './routing.errors';
import type { TAcceptedTask, TChannel } from './task';

/**
 * What a channel does when a counsellor accepts one of its tasks: voice bridges the call, chat
 * opens the conversation. Implemented by the channel's module and registered in the
 * composition root, so routing calls it without importing it.
 *
 * `accepted` throws a RoutingError when the counsellor cannot be connected; before throwing it
 * has put the task back in line (routing's `taskMissed`) so nobody is dropped.
 */
export type TChannelConnector = {
  accepted(userId: string, task: TAcceptedTask): Promise<void>;
};

export type TChannelConnectors = {
  register(channel: TChannel, connector: TChannelConnector): void;
  accepted(userId: string, task: TAcceptedTask): Promise<void>;
};

export function channelConnectors(): TChannelConnectors {
  const connectors = new Map<TChannel, TChannelConnector>();
  return {
    register(channel, connector) {
      connectors.set(channel, connector);
    },
    async accepted(userId, task) {
      const connector = connectors.get(task.channel);
      if (!connector) throw new RoutingError('INTERNAL');
      await connector.accepted(userId, task);
    },
  };
}

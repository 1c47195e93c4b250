import type { TChatChannel } from '../../contracts/chat';
import type { TChatTemplate } from '../../../db/schema/chat';
import type { TChatRepository } from './chat.repository';

export type TChannelEntry = {
  hotline: string;
  channel: TChatChannel;
  address: string;
  serviceSid: string | null;
  defaultLanguage: string;
  templates: Record<string, TChatTemplate>;
};

/**
 * The hotlines' channel configuration, last known. Webhooks resolve a Conversations service to
 * its hotline from here, so a message still finds its hotline while Postgres is down.
 */
export function chatChannelsCache(repository: Pick<TChatRepository, 'activeChannelConfigs'>) {
  let entries: TChannelEntry[] = [];
  let loaded = false;
  return {
    async refresh(): Promise<void> {
      const rows = await repository.activeChannelConfigs();
      entries = rows.map((r) => ({
        hotline: r.hotline,
        channel: r.channel,
        address: r.address,
        serviceSid: r.conversationServiceSid,
        defaultLanguage: r.defaultLanguage,
        templates: r.templates,
      }));
      loaded = true;
    },
    loaded: () => loaded,
    byService(serviceSid: string, channel: TChatChannel): TChannelEntry | undefined {
      return (
        entries.find((e) => e.serviceSid === serviceSid && e.channel === channel) ??
        entries.find((e) => e.serviceSid === serviceSid)
      );
    },
    forHotline(hotline: string, channel: TChatChannel): TChannelEntry | undefined {
      return entries.find((e) => e.hotline === hotline && e.channel === channel);
    },
    defaultLanguage(hotline: string): string | undefined {
      return entries.find((e) => e.hotline === hotline)?.defaultLanguage;
    },
  };
}

export type TChatChannelsCache = ReturnType<typeof chatChannelsCache>;

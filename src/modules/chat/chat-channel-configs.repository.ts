import { asc, eq } from 'drizzle-orm';
import { chatChannelConfigs } from '../../../db/schema/chat';
import type { TDbOrTx } from '../audit/audit.repository';

/** Which channels and addresses a hotline serves, with its approved WhatsApp templates by key. */
export async function channelConfigsOf(db: TDbOrTx, hotline: string) {
  const rows = await db
    .select()
    .from(chatChannelConfigs)
    .where(eq(chatChannelConfigs.hotline, hotline))
    .orderBy(asc(chatChannelConfigs.channel));
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    address: r.address,
    conversationServiceSid: r.conversationServiceSid,
    active: r.active,
    templates: Object.entries(r.templates).map(([key, t]) => ({
      key,
      contentSid: t.contentSid,
      textLo: t.textLo,
      textEn: t.textEn,
    })),
  }));
}

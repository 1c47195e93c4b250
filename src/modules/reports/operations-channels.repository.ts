import type { TSqlTag } from './national-sql.fragments';
import type { TChannelCounts } from './operations-channels.policy';
import type { TReportScope } from './report-filters';
import { periodInstants, type TPeriod } from './report-period.policy';

/**
 * Chats per channel (WhatsApp, Messenger, SMS, web chat) started in the period, and how many a
 * counsellor took: one row of chat_conversations is one chat, counted on the instant it began.
 * Reads the chat module's table only (no transcript, no address); a chat is few rows beside a
 * year of calls, so it is read directly for any period.
 */
export async function loadChatChannels(
  sql: TSqlTag,
  period: TPeriod,
  scope: TReportScope,
): Promise<TChannelCounts[]> {
  const { start, end } = periodInstants(period);
  const hotlines = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  return sql<TChannelCounts[]>`
    select channel as key, count(*)::int as received,
      (count(*) filter (where assigned_to is not null))::int as answered
    from chat_conversations
    where started_at >= ${start.toISOString()}::timestamptz and started_at < ${end.toISOString()}::timestamptz
      and (${hotlines}::text[] is null or hotline = any(${hotlines}::text[]))
    group by channel`;
}

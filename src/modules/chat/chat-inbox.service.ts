import type {
  TChatConversationRef,
  TChatEndReason,
  TChatInbox,
  TChatReceiveResult,
  TInboundChatMessage,
} from '../../contracts/chat';
import { guard } from '../../infra/store-guard';
import type { TJournalEntry } from './chat-journal';
import { conversationView, type TConversationRow, type TStoredInbound } from './chat.repository';
import type { TChatDeps } from './chat.context';
import { detectStopWord } from './stop-word.policy';

const MAX_FAILURES_PER_DRAIN = 3;

/** No hotline serves this Conversations service: a configuration mistake, told in the log. */
export class UnknownChatServiceError extends Error {
  override name = 'UnknownChatServiceError';
}

/**
 * Inbound messages, each kept exactly once. The message is stored in Postgres within the store
 * time limit; if Postgres is down or slow it goes to the node's durable journal instead (and the
 * webhook still answers 200); the drain stores it when Postgres answers again. Routing (Redis) is
 * asked only after the message is stored: if Redis is down the conversation stays `pending` and
 * the sweep retries it, so a Redis outage loses nothing either.
 */
export function chatInbox(deps: TChatDeps) {
  const { repository, journal, channels, notices, log } = deps;

  function resolveHotline(entry: TJournalEntry): string | null {
    if (entry.message.hotline) return entry.message.hotline;
    // A channel of our own (web) must name its hotline; nothing could ever resolve it later.
    if (!entry.serviceSid) throw new UnknownChatServiceError('no hotline');
    const found = channels.byService(entry.serviceSid, entry.message.channel);
    if (found) return found.hotline;
    if (channels.loaded()) throw new UnknownChatServiceError(entry.serviceSid);
    return null;
  }

  async function route(conversation: TConversationRow): Promise<void> {
    try {
      const routed = await deps.routing.enqueue({
        conversationId: conversation.id,
        hotline: conversation.hotline,
        language: conversation.language,
        priority: 0,
        since: conversation.startedAt.toISOString(),
      });
      await repository.setRouting(conversation.id, routed);
      notices.conversationChanged(conversationView({ ...conversation, routing: routed }, 0));
    } catch (err) {
      // Left `pending`: the sweep asks routing again once Redis answers.
      log.warn({ err, conversationId: conversation.id }, 'chat routing deferred');
    }
  }

  async function closeEnded(conversation: TConversationRow): Promise<void> {
    await deps.routing.finish(conversation.id).catch(() => {});
    const entry = channels.forHotline(conversation.hotline, conversation.channel);
    await deps.transports[conversation.provider]
      ?.close({
        conversationRef: { provider: conversation.provider, ref: conversation.providerRef },
        serviceSid: entry?.serviceSid ?? null,
      })
      .catch((err: unknown) => log.warn({ err }, 'chat provider close failed'));
    notices.conversationChanged(conversationView(conversation, 0));
  }

  async function afterStore(stored: TStoredInbound, stop: boolean): Promise<void> {
    if (stored.duplicate) return;
    const { conversation, message } = stored;
    notices.message({
      conversationId: conversation.id,
      conversationRef: { provider: conversation.provider, ref: conversation.providerRef },
      hotline: conversation.hotline,
      channel: conversation.channel,
      assignedTo: conversation.assignedTo,
      message: repository.readMessage(message),
    });
    // The files are fetched beside the webhook's answer; the sweep retries what fails.
    if (message.attachmentsEnc) void deps.fetchAttachments?.(message.id);
    if (stop && conversation.stoppedAt) return closeEnded(conversation);
    if (stored.opened && conversation.state !== 'ended') await route(conversation);
  }

  async function store(entry: TJournalEntry, hotline: string) {
    const { message } = entry;
    const stop = detectStopWord(message.text).stop;
    const language = message.language ?? channels.defaultLanguage(hotline) ?? 'lo';
    const stored = await repository.storeInbound(message, hotline, language, stop);
    return { stored, stop };
  }

  /**
   * Stores within `timeoutMs`. A store that misses the limit may still land afterwards: then
   * that late store is the one kept (the journal's copy will be a duplicate and is skipped), so
   * the desk is told and the conversation routed when it lands, not never.
   */
  async function storeWithin(entry: TJournalEntry, hotline: string, timeoutMs: number) {
    const storing = store(entry, hotline);
    const result = await guard(() => storing, timeoutMs);
    if (!result.ok)
      void storing
        .then(({ stored, stop }) => afterStore(stored, stop))
        .catch((err: unknown) => log.warn({ err }, 'chat store failed'));
    return result;
  }

  async function receiveEntry(entry: TJournalEntry): Promise<TChatReceiveResult> {
    const hotline = resolveHotline(entry);
    if (hotline) {
      const result = await storeWithin(entry, hotline, deps.storeTimeoutMs);
      if (result.ok) {
        const { stored, stop } = result.value;
        await afterStore(stored, stop);
        return {
          status: stored.duplicate ? 'duplicate' : 'stored',
          conversationId: stored.conversation.id,
          messageId: stored.message.id,
          stopped: stored.conversation.stoppedAt !== null,
        };
      }
    }
    await journal.append(entry);
    log.warn({ journaled: true }, 'chat message journaled: store unavailable');
    return { status: 'journaled' };
  }

  let draining: Promise<{ stored: number; remaining: number }> | null = null;
  async function drainOnce(): Promise<{ stored: number; remaining: number }> {
    let stored = 0;
    let failures = 0;
    const pending = await journal.pending();
    for (const { entry, done } of pending) {
      // Postgres still down: stop for now. One bad entry alone does not hold up the others.
      if (failures >= MAX_FAILURES_PER_DRAIN) break;
      let hotline: string | null;
      try {
        hotline = resolveHotline(entry);
      } catch (err) {
        log.error({ err }, 'journaled chat message has no hotline: kept in the journal');
        continue;
      }
      if (!hotline) break;
      const result = await storeWithin(entry, hotline, deps.storeTimeoutMs * 4);
      if (!result.ok) {
        failures++;
        continue;
      }
      failures = 0;
      await done();
      await afterStore(result.value.stored, result.value.stop);
      stored++;
    }
    return { stored, remaining: pending.length - stored };
  }

  return {
    receive: (message: TInboundChatMessage) => receiveEntry({ message, serviceSid: null }),

    /** A Conversations webhook: the hotline is the one whose service delivered it. */
    receiveTwilio: (message: TInboundChatMessage, serviceSid: string) =>
      receiveEntry({ message, serviceSid }),

    async end(ref: TChatConversationRef, reason: TChatEndReason): Promise<void> {
      const conversation = await repository.conversationByRef(ref.provider, ref.ref);
      if (!conversation) return;
      const ended = await repository.end(conversation.id, reason, deps.now());
      if (ended) await closeEnded(ended);
    },

    /** Stores what the journal holds; one run at a time. */
    drain(): Promise<{ stored: number; remaining: number }> {
      draining ??= drainOnce().finally(() => {
        draining = null;
      });
      return draining;
    },

    /** Asks routing again for conversations it could not take (Redis was down). */
    async routePending(): Promise<number> {
      const rows = await repository.awaitingRouting();
      for (const row of rows) await route(row);
      return rows.length;
    },
  } satisfies TChatInbox & Record<string, unknown>;
}

export type TChatInboxService = ReturnType<typeof chatInbox>;

import { useState, type ReactNode } from 'react';
import type { TChatConversation } from '../../../../../src/contracts/chat';
import { useT } from '../../../shared/i18n/i18n';
import { useUser } from '../../../shared/session/session-context';
import { useServerNow } from '../hooks/use-ticker';
import { ChatActions } from './chat-actions';
import { ChatContact } from './chat-contact';
import { ChatReply } from './chat-reply';
import { ChatTranscript } from './chat-transcript';
import type { TOpenChat, TOpenChats } from './use-open-chats';
import './chat.strings';
import './chat.css';

/**
 * Where the chat extras plug in (built in features/chat-extras, not here): the canned-reply
 * picker beside the reply box, and the conversation's attachments under the transcript.
 */
export type TChatPanelSlots = {
  cannedReplies?: (conversation: TChatConversation, insert: (text: string) => void) => ReactNode;
  /** `announced`: files the transcript mentions so far (a new one means: look again). */
  attachments?: (conversation: TChatConversation, announced: number) => ReactNode;
};

function ChatView({
  chat,
  slots,
  onClose,
}: {
  chat: TOpenChat;
  slots: TChatPanelSlots;
  onClose: () => void;
}) {
  const { t } = useT('deskChat');
  const { t: td } = useT('desk');
  const { userId } = useUser();
  const now = Date.now();
  const { conversation } = chat;
  const ended = conversation.state === 'ended';
  return (
    <article className="chat-view" data-testid="chat-view" data-conversation-id={conversation.id}>
      <dl className="chat-view__facts">
        <div>
          <dt>{t('channel')}</dt>
          <dd data-testid="chat-channel">{t(`channels.${conversation.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('language')}</dt>
          <dd>
            {td(`languages.${conversation.language}`, { defaultValue: conversation.language })}
          </dd>
        </div>
        {conversation.earlierConversations ? (
          <div>
            <dd>{t('earlier', { count: conversation.earlierConversations })}</dd>
          </div>
        ) : null}
      </dl>
      <ChatTranscript messages={chat.messages} me={userId} typing={chat.typingUntil > now} />
      {/* Slot: the attachment list (features/chat-extras). */}
      {slots.attachments?.(
        conversation,
        (chat.messages ?? []).reduce((n, m) => n + m.attachments.length, 0),
      )}
      {ended ? (
        <div className="chat-view__ended">
          <p role="status" data-testid="chat-ended">
            {t(`ended.${conversation.endReason ?? 'counsellor'}`)}
          </p>
          <button type="button" className="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      ) : (
        <>
          {/* Slot: the canned-reply picker (features/chat-extras) inserts into the reply box. */}
          <ChatReply
            conversationId={conversation.id}
            picker={
              slots.cannedReplies
                ? (insert) => slots.cannedReplies?.(conversation, insert)
                : undefined
            }
          />
          <ChatActions conversation={conversation} onTransferred={onClose} />
        </>
      )}
      <ChatContact key={conversation.id} conversation={conversation} />
    </article>
  );
}

/** The counsellor's open chats as tabs, the chosen one below; several at once. */
export function ChatPanel({ open, slots = {} }: { open: TOpenChats; slots?: TChatPanelSlots }) {
  const { t } = useT('deskChat');
  const { t: td } = useT('desk');
  useServerNow(); // re-render each second: "typing…" goes away when not repeated
  const [chosen, setChosen] = useState<string | null>(null);
  const current =
    open.chats.find((c) => c.conversation.id === chosen) ?? open.chats[open.chats.length - 1];
  if (!current)
    return (
      <p className="muted" data-testid="chat-none">
        {t('none')}
      </p>
    );
  return (
    <section className="chat-panel" aria-label={t('list')}>
      <div role="tablist" aria-label={t('list')} className="chat-panel__tabs">
        {open.chats.map((c) => (
          <button
            key={c.conversation.id}
            type="button"
            role="tab"
            aria-selected={c === current}
            className={c.conversation.state === 'ended' ? 'chat-tab chat-tab--ended' : 'chat-tab'}
            onClick={() => setChosen(c.conversation.id)}
          >
            {t(`channels.${c.conversation.channel}`)} ·{' '}
            {td(`languages.${c.conversation.language}`, { defaultValue: c.conversation.language })}
          </button>
        ))}
      </div>
      <ChatView
        key={current.conversation.id}
        chat={current}
        slots={slots}
        onClose={() => open.close(current.conversation.id)}
      />
    </section>
  );
}

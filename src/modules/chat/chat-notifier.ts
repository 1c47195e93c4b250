import { EventEmitter } from 'node:events';
import type { TChatConversation, TChatMessageNotice, TChatNotifier } from '../../contracts/chat';

export type TChatNotices = TChatNotifier & {
  onMessage(listener: (notice: TChatMessageNotice) => void): () => void;
  onConversation(listener: (conversation: TChatConversation) => void): () => void;
};

/**
 * In-process fan-out of "a message for conversation X": the desk's realtime layer and the
 * web-chat namespace subscribe; the chat module knows neither. A listener that throws is logged
 * by the caller's `onError` and never stops the others or the inbox.
 */
export function chatNotices(onError: (err: unknown) => void): TChatNotices {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const safe =
    <T>(listener: (value: T) => void) =>
    (value: T) => {
      try {
        listener(value);
      } catch (err) {
        onError(err);
      }
    };
  const subscribe = <T>(event: string, listener: (value: T) => void) => {
    const wrapped = safe(listener);
    emitter.on(event, wrapped);
    return () => void emitter.off(event, wrapped);
  };
  return {
    message: (notice) => void emitter.emit('message', notice),
    conversationChanged: (conversation) => void emitter.emit('conversation', conversation),
    onMessage: (listener) => subscribe('message', listener),
    onConversation: (listener) => subscribe('conversation', listener),
  };
}

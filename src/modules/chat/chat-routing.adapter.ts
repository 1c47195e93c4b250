import type { TChatRoutingPort } from '../../contracts/chat';
import type { TChannelConnector } from '../routing/channel-connectors';
import type { TTaskApi } from '../routing/tasks.service';
import type { TChatRepository } from './chat.repository';
import type { TChatNotices } from './chat-notifier';
import { conversationView } from './chat.repository';

/**
 * Chat conversations as routing tasks on channel 'chat' (task id = conversation id), through
 * routing's task API: same hotline, language, priority, relaxation, offers as calls. A task
 * whose entry found it already gone (ended meanwhile) is reported unroutable, never as queued.
 */
export function chatTaskRouting(
  tasks: Pick<TTaskApi, 'enter' | 'queued' | 'ended' | 'transfer'>,
): TChatRoutingPort {
  return {
    async enqueue({ conversationId, hotline, language, priority, since }) {
      const task = {
        taskId: conversationId,
        channel: 'chat' as const,
        hotline,
        language,
        enqueuedAt: since ? new Date(since).getTime() : Date.now(),
        priorityBoostMs: priority,
      };
      const entry = await tasks.enter(task);
      if (entry.state !== 'queued') return 'unroutable';
      tasks.queued(task, entry);
      return 'queued';
    },
    async finish(conversationId) {
      tasks.ended(conversationId);
    },
    async transfer(conversationId, userId, to) {
      return (await tasks.transfer(conversationId, userId, to)) !== null;
    },
  };
}

/**
 * What happens when a counsellor accepts a chat task: the conversation becomes hers and
 * active, and whoever shows it (her desk) is told. Nothing to dial, so nothing can fail halfway.
 */
export function chatChannel(repository: TChatRepository, notices: TChatNotices): TChannelConnector {
  return {
    async accepted(userId, task) {
      const row = await repository.assign(task.callSid, userId);
      if (row) notices.conversationChanged(conversationView(row, 0));
    },
  };
}

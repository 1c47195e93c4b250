import type { TChatRoutingPort } from '../../contracts/chat';

/**
 * Routing of chat tasks is not wired yet (routing learns tasks in the live-core work): a chat is
 * never reported as queued when nobody will be offered it. It is marked `unroutable` and shows
 * in the waiting list (GET /api/staff/chats/waiting) for supervisors to see.
 */
export function unroutedChatRouting(): TChatRoutingPort {
  return {
    enqueue: async () => 'unroutable',
    finish: async () => {},
  };
}

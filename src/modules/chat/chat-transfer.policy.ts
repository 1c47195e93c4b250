import type { TChatTransferTarget } from '../../contracts/api/chat-transfer';

type THotline = { number: string; nameLo: string; nameEn: string; languages: readonly string[] };
type TChat = { hotline: string; language: string };

/**
 * The hotlines a counsellor may hand her chat to: her own, and the chat's (she may hold a chat of
 * another hotline after routing relaxed it: its other language queues stay open to her).
 */
function reachable(actor: { hotlines: readonly string[] }, chat: TChat): Set<string> {
  return new Set([...actor.hotlines, chat.hotline]);
}

/** Whether the counsellor may send her chat to `hotline` (another of her hotlines, or its own). */
export function mayTransferTo(
  actor: { hotlines: readonly string[] },
  chat: TChat,
  hotline: string,
): boolean {
  return reachable(actor, chat).has(hotline);
}

/**
 * The transfer menu's choices besides "back to the queue": every language queue of every hotline
 * she may reach, except the one the chat waits in already. The chat's own hotline first.
 */
export function transferTargets(
  actor: { hotlines: readonly string[] },
  chat: TChat,
  hotlines: readonly THotline[],
): TChatTransferTarget[] {
  const allowed = reachable(actor, chat);
  return hotlines
    .filter((h) => allowed.has(h.number))
    .sort((a, b) => Number(b.number === chat.hotline) - Number(a.number === chat.hotline))
    .flatMap((h) =>
      h.languages
        .filter((language) => h.number !== chat.hotline || language !== chat.language)
        .map((language) => ({ hotline: h.number, nameLo: h.nameLo, nameEn: h.nameEn, language })),
    );
}

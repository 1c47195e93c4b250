import { AppError } from '../../errors/catalogue';
import type { TActor } from '../auth/actor';
import type { TWebchatSessions } from './webchat-sessions.repository';

/**
 * The pre-chat answers of a live web chat (the name the visitor wants to be called by, whether it
 * is safe for them to talk, their language), for a counsellor of that hotline; a chat of another
 * hotline, or one that has ended, reads as not found.
 */
export async function webVisitorProfile(sessions: TWebchatSessions, actor: TActor, ref: string) {
  const session = await sessions.byRef(ref);
  const scoped = actor.role === 'administrator' || actor.hotlines.includes(session?.hotline ?? '');
  if (!session || !scoped) throw new AppError('NOT_FOUND');
  return sessions.profile(session);
}

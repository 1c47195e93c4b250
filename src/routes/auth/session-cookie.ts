import type { FastifyReply } from 'fastify';
import type { TConfig } from '../../config/config';
import { SESSION_COOKIE } from '../../modules/auth/session.policy';

/** HttpOnly, SameSite=strict, Secure unless COOKIE_SECURE=false (plain-http local runs). */
export function setSessionCookie(reply: FastifyReply, config: TConfig, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE,
    path: '/',
    maxAge: config.SESSION_MAX_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: TConfig): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE,
    path: '/',
  });
}

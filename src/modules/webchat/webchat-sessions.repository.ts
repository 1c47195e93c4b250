import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TWebchatMessage } from '../../contracts/webchat';
import type { TConfig } from '../../config/config';
import { decryptField, encryptField } from '../crypto/field-cipher';
import { keyringOf } from '../crypto/keyring';

/** A visitor's chat lives this long after its last activity; the page keeps only the token. */
const SESSION_TTL_S = 2 * 60 * 60;
/** Messages kept for a page that reconnects (Socket.IO delivers at most once). */
const REPLAY_MAX = 200;

export type TWebchatSession = {
  /** The conversation's public name (the chat module's `conversationRef.ref`), not a secret. */
  ref: string;
  hotline: string;
  language: string;
  visitorHash: string;
  startedAt: string;
  /** The pre-chat's answers, for the counsellor: the name sealed, as a case's fields are. */
  nameSealed: string | null;
  safeToTalk: boolean;
};

type TDeps = {
  redis: Redis;
  config: Pick<TConfig, 'REDIS_PREFIX' | 'ENCRYPTION_KEYS' | 'HMAC_KEY'>;
};

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Anonymous visitors' chats in Redis. The token the page holds is a bearer secret, so only its
 * digest is a key; the hotline's replies are kept encrypted, for a reconnecting page only.
 */
export function webchatSessions({ redis, config }: TDeps) {
  // One hash tag for every web-chat key: a session's keys change together in one MULTI, which a
  // Redis Cluster runs only when they share a slot.
  const key = (kind: string, id: string) => `${config.REDIS_PREFIX}:{webchat}:${kind}:${id}`;
  const cipherContext = (ref: string) => ({
    table: 'webchat_replay',
    column: 'message',
    rowId: ref,
  });
  const nameContext = (ref: string) => ({ table: 'webchat_session', column: 'name', rowId: ref });
  const keys = (ref: string) => [key('s', ref), key('seq', ref), key('out', ref)];

  async function touch(ref: string, tokenDigest?: string): Promise<void> {
    const multi = redis.multi();
    for (const k of keys(ref)) multi.expire(k, SESSION_TTL_S);
    if (tokenDigest) multi.expire(key('t', tokenDigest), SESSION_TTL_S);
    await multi.exec();
  }

  return {
    async start(
      input: Omit<TWebchatSession, 'ref' | 'startedAt' | 'nameSealed'> & { name: string | null },
    ) {
      const token = randomBytes(32).toString('base64url');
      const { name, ...rest } = input;
      const ref = `wv_${randomBytes(16).toString('base64url')}`;
      const session: TWebchatSession = {
        ...rest,
        ref,
        nameSealed: name ? encryptField(keyringOf(config), nameContext(ref), name) : null,
        startedAt: new Date().toISOString(),
      };
      await redis
        .multi()
        .set(key('s', session.ref), JSON.stringify(session), 'EX', SESSION_TTL_S)
        .set(key('t', digest(token)), session.ref, 'EX', SESSION_TTL_S)
        .exec();
      return { token, session };
    },
    async byToken(token: string): Promise<TWebchatSession | null> {
      const ref = await redis.get(key('t', digest(token)));
      const session = ref ? await this.byRef(ref) : null;
      if (session) await touch(session.ref, digest(token));
      return session;
    },
    async byRef(ref: string): Promise<TWebchatSession | null> {
      const raw = await redis.get(key('s', ref));
      return raw ? (JSON.parse(raw) as TWebchatSession) : null;
    },
    touch,
    /** What the visitor answered before the chat, in clear for the counsellor. */
    profile(session: TWebchatSession) {
      const name = session.nameSealed
        ? decryptField(keyringOf(config), nameContext(session.ref), session.nameSealed)
        : null;
      return { name, safeToTalk: session.safeToTalk, language: session.language };
    },
    /** Numbers and keeps a reply for replay; answers it as the visitor's socket gets it. */
    async keepReply(ref: string, reply: Omit<TWebchatMessage, 'seq'>): Promise<TWebchatMessage> {
      const seq = await redis.incr(key('seq', ref));
      const message = { ...reply, seq };
      const sealed = encryptField(keyringOf(config), cipherContext(ref), JSON.stringify(message));
      await redis
        .multi()
        .rpush(key('out', ref), sealed)
        .ltrim(key('out', ref), -REPLAY_MAX, -1)
        .exec();
      await touch(ref);
      return message;
    },
    async repliesAfter(ref: string, after: number): Promise<TWebchatMessage[]> {
      const sealed = await redis.lrange(key('out', ref), 0, -1);
      return sealed
        .map(
          (s) =>
            JSON.parse(decryptField(keyringOf(config), cipherContext(ref), s)) as TWebchatMessage,
        )
        .filter((m) => m.seq > after);
    },
    /** The chat is over: nothing of it stays, and the token opens nothing any more. */
    async end(ref: string, token?: string): Promise<void> {
      const multi = redis.multi().del(...keys(ref));
      if (token) multi.del(key('t', digest(token)));
      await multi.exec();
    },
  };
}
export type TWebchatSessions = ReturnType<typeof webchatSessions>;

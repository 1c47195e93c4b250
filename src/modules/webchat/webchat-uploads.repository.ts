import type { Redis } from 'ioredis';
import type { TConfig } from '../../config/config';
import {
  MediaGoneError,
  MediaTooLargeError,
  type TChatMediaFetcher,
} from '../chat/twilio-media.provider';
import { decryptField, encryptField } from '../crypto/field-cipher';
import { keyringOf } from '../crypto/keyring';

/**
 * Long enough for the chat module to fetch the file after its message is stored, retries and a
 * store kept in the journal through a short Postgres outage included; then it is gone by itself.
 */
const STAGED_TTL_S = 60 * 60;

type TDeps = {
  redis: Redis;
  config: Pick<TConfig, 'REDIS_PREFIX' | 'ENCRYPTION_KEYS' | 'HMAC_KEY'>;
};

/**
 * Files web visitors attached, held encrypted in Redis (any API node may fetch them) until the
 * chat module keeps them as it keeps any channel's attachments: encrypted in Postgres with their
 * SHA-256. The media ref plays the part of Twilio's media SID.
 */
export function webchatUploads({ redis, config }: TDeps) {
  const key = (mediaRef: string) => `${config.REDIS_PREFIX}:{webchat}:upload:${mediaRef}`;
  const cipherContext = (mediaRef: string) => ({
    table: 'webchat_upload',
    column: 'content',
    rowId: mediaRef,
  });

  const fetcher: TChatMediaFetcher = {
    async fetch({ mediaRef, maxBytes }) {
      const raw = await redis.get(key(mediaRef));
      if (!raw) throw new MediaGoneError(mediaRef);
      const { type, sealed } = JSON.parse(raw) as { type: string; sealed: string };
      const bytes = Buffer.from(
        decryptField(keyringOf(config), cipherContext(mediaRef), sealed),
        'base64',
      );
      if (bytes.length > maxBytes) throw new MediaTooLargeError(String(bytes.length));
      return { bytes, contentType: type };
    },
  };

  return {
    async stage(mediaRef: string, file: { type: string; bytes: Buffer }): Promise<void> {
      const sealed = encryptField(
        keyringOf(config),
        cipherContext(mediaRef),
        file.bytes.toString('base64'),
      );
      await redis.set(
        key(mediaRef),
        JSON.stringify({ type: file.type, sealed }),
        'EX',
        STAGED_TTL_S,
      );
    },
    /** The chat module's fetcher for the 'web' provider. */
    fetcher,
  };
}
export type TWebchatUploads = ReturnType<typeof webchatUploads>;

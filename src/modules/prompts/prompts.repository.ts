import { and, eq } from 'drizzle-orm';
import { promptAudio } from '../../../db/schema/telephony-settings';
import type { TDatabase } from '../../infra/database';
import { boundedCache, type TBoundedCache } from '../../infra/bounded-cache';
import { placeholderWav } from './placeholder-audio.policy';
import { isPromptKey, type TPromptKey } from './prompt-catalogue.policy';

export type TPromptAudio = { contentType: string; audio: Buffer; placeholder: boolean };

import type { TPromptContentType } from './prompt-audio.policy';
export { isPromptContentType, type TPromptContentType } from './prompt-audio.policy';

export type TPromptsRepository = ReturnType<typeof promptsRepository>;

/** Ceilings of the in-memory prompt cache: whatever a client asks for, it costs no more. */
export const PROMPT_CACHE_MAX_ENTRIES = 1024;
export const PROMPT_CACHE_MAX_BYTES = 32 * 1024 * 1024;
const ENTRY_OVERHEAD_BYTES = 128;

type TCached = { at: number; value: TPromptAudio };
type TCache = TBoundedCache<TCached>;
// One cache per database handle: the admin upload and the audio route share it, so a replaced
// prompt is heard at once on this node (other nodes within the TTL).
const caches = new WeakMap<TDatabase, TCache>();
function cacheFor(db: TDatabase): TCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = boundedCache<TCached>({
      maxEntries: PROMPT_CACHE_MAX_ENTRIES,
      maxBytes: PROMPT_CACHE_MAX_BYTES,
      // Placeholders are shared per prompt name, so an entry holding one costs only itself.
      sizeOf: ({ value }) => ENTRY_OVERHEAD_BYTES + (value.placeholder ? 0 : value.audio.length),
    });
    caches.set(db, cache);
  }
  return cache;
}

// One generated tone per prompt name (the catalogue is small), whichever hotline asks.
const placeholders = new Map<TPromptKey, TPromptAudio>();
function placeholderFor(prompt: string): TPromptAudio {
  const name: TPromptKey = isPromptKey(prompt) ? prompt : 'welcome';
  let value = placeholders.get(name);
  if (!value) {
    value = { contentType: 'audio/wav', audio: placeholderWav(name), placeholder: true };
    placeholders.set(name, value);
  }
  return value;
}

/**
 * Prompt audio per hotline, prompt and language. Cached in memory; with Postgres down or no
 * recording uploaded yet, the caller hears the generated placeholder instead of silence.
 */
export function promptsRepository(db: TDatabase, options: { ttlMs?: number } = {}) {
  const ttlMs = options.ttlMs ?? 60_000;
  const cache = cacheFor(db);
  const key = (h: string, p: string, l: string) => `${h}/${p}/${l}`;

  return {
    async get(hotline: string, prompt: string, language: string): Promise<TPromptAudio> {
      const k = key(hotline, prompt, language);
      const hit = cache.get(k);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      let value: TPromptAudio;
      try {
        const [row] = await db
          .select({ contentType: promptAudio.contentType, audio: promptAudio.audio })
          .from(promptAudio)
          .where(
            and(
              eq(promptAudio.hotline, hotline),
              eq(promptAudio.prompt, prompt),
              eq(promptAudio.language, language),
            ),
          )
          .limit(1);
        value = row ? { ...row, placeholder: false } : placeholderFor(prompt);
      } catch {
        return hit?.value ?? placeholderFor(prompt);
      }
      cache.set(k, { at: Date.now(), value });
      return value;
    },
    /** How much the cache holds now (the flood test checks its ceiling). */
    cached(): { entries: number; bytes: number } {
      return { entries: cache.size, bytes: cache.bytes };
    },
    /** Prompts with uploaded recordings for a hotline (everything else plays the placeholder). */
    async listUploaded(hotline: string) {
      return db
        .select({
          prompt: promptAudio.prompt,
          language: promptAudio.language,
          contentType: promptAudio.contentType,
          updatedAt: promptAudio.updatedAt,
        })
        .from(promptAudio)
        .where(eq(promptAudio.hotline, hotline));
    },
    async put(args: {
      hotline: string;
      prompt: string;
      language: string;
      contentType: TPromptContentType;
      audio: Buffer;
    }): Promise<void> {
      await db
        .insert(promptAudio)
        .values(args)
        .onConflictDoUpdate({
          target: [promptAudio.hotline, promptAudio.prompt, promptAudio.language],
          set: { contentType: args.contentType, audio: args.audio, updatedAt: new Date() },
        });
      cache.delete(key(args.hotline, args.prompt, args.language));
    },
  };
}

import { eq } from 'drizzle-orm';
import { hotlines, type TOpeningHours } from '../../../db/schema/hotlines';
import { promptAudio } from '../../../db/schema/telephony-settings';
import type { TDatabase } from '../../infra/database';
import { recordedKey } from '../prompts/placeholder-speech.policy';

/** What the voice webhooks need to know about a hotline. */
export type THotlineSettings = {
  number: string;
  phoneNumber: string;
  languages: string[];
  defaultLanguage: string;
  openingHours: TOpeningHours;
  afterHours: 'voicemail' | 'forward';
  dutyMobile: string | null;
  recordingNotice: boolean;
  afterCallQuestion: boolean;
  active: boolean;
  /**
   * Prompts recorded for this hotline (`language/prompt`): the others are spoken as placeholders.
   * Absent when unknown (a hotline Postgres never told us about): then every prompt is played.
   */
  recordedPrompts?: ReadonlySet<string>;
};

export type THotlineSettingsRepository = ReturnType<typeof hotlineSettingsRepository>;

/**
 * Hotline settings with a short cache. The last copy ever read is kept with no expiry so that,
 * with Postgres down, the fallback still knows the hotline's duty mobile and languages.
 */
export function hotlineSettingsRepository(db: TDatabase, options: { ttlMs?: number } = {}) {
  const ttlMs = options.ttlMs ?? 30_000;
  const fresh = new Map<string, { at: number; value: THotlineSettings }>();
  const lastKnown = new Map<string, THotlineSettings>();
  const loading = new Map<string, Promise<THotlineSettings | null>>();
  let invalidations = 0;

  async function load(number: string): Promise<THotlineSettings | null> {
    const [[row], recorded] = await Promise.all([
      db.select().from(hotlines).where(eq(hotlines.number, number)).limit(1),
      db
        .select({ prompt: promptAudio.prompt, language: promptAudio.language })
        .from(promptAudio)
        .where(eq(promptAudio.hotline, number)),
    ]);
    if (!row) return null;
    return {
      number: row.number,
      phoneNumber: row.phoneNumber,
      languages: row.languages.length ? row.languages : [row.defaultLanguage],
      defaultLanguage: row.defaultLanguage,
      openingHours: row.openingHours,
      afterHours: row.afterHours,
      dutyMobile: row.dutyMobile,
      recordingNotice: row.recordingNotice,
      afterCallQuestion: row.afterCallQuestion,
      active: row.active,
      recordedPrompts: new Set(recorded.map((r) => recordedKey(r.language, r.prompt))),
    };
  }

  return {
    /**
     * The cached copy while it is fresh, without a promise or a timer: most webhooks of a surge
     * find their hotline here. Null when it must be read (then `get`).
     */
    cached(number: string, now = Date.now()): THotlineSettings | null {
      const hit = fresh.get(number);
      return hit && now - hit.at < ttlMs ? hit.value : null;
    },
    /** Cached for `ttlMs`; throws when Postgres fails (callers then use `lastKnown`). */
    async get(number: string, now = Date.now()): Promise<THotlineSettings | null> {
      const hit = fresh.get(number);
      if (hit && now - hit.at < ttlMs) return hit.value;
      // When the copy expires under a surge, every waiting webhook shares one read.
      let pending = loading.get(number);
      if (!pending) {
        const generation = invalidations;
        const read: Promise<THotlineSettings | null> = load(number)
          .then((value) => {
            // Read before an administrator's change landed: good for this call, not for the cache.
            const current = generation === invalidations;
            // Only hotlines that exist are kept: a number nobody configured (the public prompt
            // route hears made-up ones) must not grow this map.
            if (current && value) fresh.set(number, { at: now, value });
            if (value && (current || !lastKnown.has(number))) lastKnown.set(number, value);
            return value;
          })
          .finally(() => {
            if (loading.get(number) === read) loading.delete(number);
          });
        loading.set(number, read);
        pending = read;
      }
      return pending;
    },
    lastKnown(number: string): THotlineSettings | null {
      return lastKnown.get(number) ?? null;
    },
    /** Finds a hotline by the E.164 number Twilio delivers (status callbacks carry only `To`). */
    byPhoneNumber(phoneNumber: string): THotlineSettings | null {
      for (const h of lastKnown.values()) if (h.phoneNumber === phoneNumber) return h;
      return null;
    },
    /** Loads every hotline into the last-known copy (at start, so a cold fallback knows them). */
    async warm(): Promise<void> {
      const rows = await db.select({ number: hotlines.number }).from(hotlines);
      await Promise.all(rows.map((r) => this.get(r.number)));
    },
    invalidate(number?: string): void {
      invalidations++;
      if (number) {
        fresh.delete(number);
        loading.delete(number);
      } else {
        fresh.clear();
        loading.clear();
      }
    },
  };
}

import { eq } from 'drizzle-orm';
import { hotlines } from '../../../../db/schema/hotlines';
import type { TDatabase } from '../../../infra/database';

/** What routing needs of a hotline's settings: its number and what happens when a call ends. */
export type THotlineFacts = { phoneNumber: string; afterCallQuestion: boolean };

/**
 * A hotline's E.164 number (caller ID on call-backs and added parties) and whether the caller is
 * asked the after-call question. These change rarely; a short cache keeps them off the hot path.
 */
export function hotlineFacts(db: TDatabase, ttlMs = 60_000) {
  const cache = new Map<string, { facts: THotlineFacts; at: number }>();
  return async (hotline: string): Promise<THotlineFacts | null> => {
    const hit = cache.get(hotline);
    if (hit && Date.now() - hit.at < ttlMs) return hit.facts;
    const [row] = await db
      .select({
        phoneNumber: hotlines.phoneNumber,
        afterCallQuestion: hotlines.afterCallQuestion,
      })
      .from(hotlines)
      .where(eq(hotlines.number, hotline));
    if (!row) return null;
    cache.set(hotline, { facts: row, at: Date.now() });
    return row;
  };
}

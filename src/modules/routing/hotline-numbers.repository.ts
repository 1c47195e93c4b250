import { eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import type { TDatabase } from '../../infra/database';

/**
 * The E.164 number of each hotline, shown as caller ID on call-backs and added parties.
 * Hotline numbers change rarely; a short cache keeps them off the hot path.
 */
export function hotlineNumbers(db: TDatabase, ttlMs = 60_000) {
  const cache = new Map<string, { number: string; at: number }>();
  return async (hotline: string): Promise<string | null> => {
    const hit = cache.get(hotline);
    if (hit && Date.now() - hit.at < ttlMs) return hit.number;
    const [row] = await db
      .select({ phoneNumber: hotlines.phoneNumber })
      .from(hotlines)
      .where(eq(hotlines.number, hotline));
    if (!row) return null;
    cache.set(hotline, { number: row.phoneNumber, at: Date.now() });
    return row.phoneNumber;
  };
}

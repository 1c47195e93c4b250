import { and, eq, notInArray } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import { webchatOrigins } from '../../../db/schema/webchat';
import type { TDatabase } from '../../infra/database';
import type { TDbOrTx } from '../audit/audit.repository';

const CACHE_MS = 10_000;

export type TWebchatHotlineRow = {
  number: string;
  nameLo: string;
  nameEn: string;
  languages: string[];
  origins: Set<string>;
};

/**
 * The hotlines whose web chat is on (active, with at least one partner origin), read at most every
 * ten seconds per node: every handshake asks, and an administrator's change may take that long.
 */
export function webchatDirectory(db: TDatabase) {
  let cached: { at: number; byHotline: Map<string, TWebchatHotlineRow> } | null = null;

  async function load(): Promise<Map<string, TWebchatHotlineRow>> {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.byHotline;
    const rows = await db
      .select({
        number: hotlines.number,
        nameLo: hotlines.nameLo,
        nameEn: hotlines.nameEn,
        languages: hotlines.languages,
        origin: webchatOrigins.origin,
      })
      .from(webchatOrigins)
      .innerJoin(hotlines, eq(hotlines.number, webchatOrigins.hotline))
      .where(eq(hotlines.active, true));
    const byHotline = new Map<string, TWebchatHotlineRow>();
    for (const r of rows) {
      const entry = byHotline.get(r.number) ?? {
        number: r.number,
        nameLo: r.nameLo,
        nameEn: r.nameEn,
        // Lao first, whatever order the hotline lists its languages in.
        languages: ['lo', ...r.languages.filter((l) => l !== 'lo')],
        origins: new Set<string>(),
      };
      entry.origins.add(r.origin);
      byHotline.set(r.number, entry);
    }
    cached = { at: Date.now(), byHotline };
    return byHotline;
  }

  return {
    /** The hotline if `origin` may embed its chat, else null. */
    async hotlineFor(hotline: string, origin: string): Promise<TWebchatHotlineRow | null> {
      const entry = (await load()).get(hotline);
      return entry?.origins.has(origin) ? entry : null;
    },
    /** Whether any hotline lets `origin` embed its chat (the engine's first, cheap check). */
    async anyHotlineAllows(origin: string): Promise<boolean> {
      for (const entry of (await load()).values()) if (entry.origins.has(origin)) return true;
      return false;
    },
    forget(): void {
      cached = null;
    },
  };
}
export type TWebchatDirectory = ReturnType<typeof webchatDirectory>;

export async function listOrigins(db: TDbOrTx, hotline: string): Promise<string[]> {
  const rows = await db
    .select({ origin: webchatOrigins.origin })
    .from(webchatOrigins)
    .where(eq(webchatOrigins.hotline, hotline))
    .orderBy(webchatOrigins.origin);
  return rows.map((r) => r.origin);
}

/** Makes the hotline's list exactly `origins`. */
export async function replaceOrigins(db: TDbOrTx, hotline: string, origins: string[]) {
  const keep = origins.length ? notInArray(webchatOrigins.origin, origins) : undefined;
  await db.delete(webchatOrigins).where(and(eq(webchatOrigins.hotline, hotline), keep));
  if (origins.length)
    await db
      .insert(webchatOrigins)
      .values(origins.map((origin) => ({ hotline, origin })))
      .onConflictDoNothing();
}

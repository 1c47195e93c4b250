import { and, desc, eq, sql } from 'drizzle-orm';
import { promptVersions } from '../../../db/schema/telephony-settings';
import type { TDatabase } from '../../infra/database';
import type { TPromptContentType } from './prompts.repository';

export type TPromptSlotKey = { hotline: string; prompt: string; language: string };

const slot = (s: TPromptSlotKey) =>
  and(
    eq(promptVersions.hotline, s.hotline),
    eq(promptVersions.prompt, s.prompt),
    eq(promptVersions.language, s.language),
  );

/** The versions of one prompt (hotline, prompt, language): drafts and approved recordings. */
export function promptVersionsRepository(db: TDatabase) {
  return {
    /** The next version number of the slot; one insert, so two saves never share a number. */
    async add(
      s: TPromptSlotKey & {
        contentType: TPromptContentType;
        audio: Buffer;
        source: 'recorded' | 'uploaded';
        createdBy: string;
        approved: boolean;
      },
    ) {
      const now = new Date();
      const [row] = await db
        .insert(promptVersions)
        .values({
          hotline: s.hotline,
          prompt: s.prompt,
          language: s.language,
          version: sql`(select coalesce(max(version), 0) + 1 from ${promptVersions}
            where hotline = ${s.hotline} and prompt = ${s.prompt} and language = ${s.language})`,
          contentType: s.contentType,
          audio: s.audio,
          source: s.source,
          createdBy: s.createdBy,
          ...(s.approved ? { approvedBy: s.createdBy, approvedAt: now } : {}),
        })
        .returning({ id: promptVersions.id, version: promptVersions.version });
      if (!row) throw new Error('prompt version not stored');
      return row;
    },

    async list(s: TPromptSlotKey) {
      return db
        .select({
          id: promptVersions.id,
          version: promptVersions.version,
          source: promptVersions.source,
          createdAt: promptVersions.createdAt,
          approvedAt: promptVersions.approvedAt,
        })
        .from(promptVersions)
        .where(slot(s))
        .orderBy(desc(promptVersions.version));
    },

    async get(s: TPromptSlotKey, version: number) {
      const [row] = await db
        .select()
        .from(promptVersions)
        .where(and(slot(s), eq(promptVersions.version, version)));
      return row ?? null;
    },

    async markApproved(id: string, by: string): Promise<void> {
      await db
        .update(promptVersions)
        .set({ approvedBy: by, approvedAt: new Date() })
        .where(eq(promptVersions.id, id));
    },
  };
}

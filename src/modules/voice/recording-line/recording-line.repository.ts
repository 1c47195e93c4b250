import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { hotlines } from '../../../../db/schema/hotlines';
import { recordingLines, recordingPins } from '../../../../db/schema/recording-line';
import { staffUsers } from '../../../../db/schema/staff';
import { promptVersions } from '../../../../db/schema/telephony-settings';
import type { TDatabase } from '../../../infra/database';

export type TRecordingLine = { id: string; phoneNumber: string; hotline: string | null };
export type TPinHolder = { userId: string; pinHash: string; hotlines: string[] };

/** The recording line's numbers, the administrators' PINs, and what is waiting for approval. */
export function recordingLineRepository(db: TDatabase) {
  const line = {
    id: recordingLines.id,
    phoneNumber: recordingLines.phoneNumber,
    hotline: recordingLines.hotline,
  };
  return {
    async lineByNumber(phoneNumber: string): Promise<TRecordingLine | null> {
      const [row] = await db
        .select(line)
        .from(recordingLines)
        .where(eq(recordingLines.phoneNumber, phoneNumber));
      return row ?? null;
    },
    async lineById(id: string): Promise<TRecordingLine | null> {
      const [row] = await db.select(line).from(recordingLines).where(eq(recordingLines.id, id));
      return row ?? null;
    },
    listLines(): Promise<TRecordingLine[]> {
      return db.select(line).from(recordingLines).orderBy(recordingLines.phoneNumber);
    },

    /**
     * Administrators (enabled) with a PIN who may use a line: for a hotline's line, those who
     * administer it (or every hotline: no list); for the system-wide line, all of them.
     */
    async pinHolders(hotline: string | null): Promise<TPinHolder[]> {
      const rows = await db
        .select({
          userId: recordingPins.userId,
          pinHash: recordingPins.pinHash,
          hotlines: staffUsers.hotlines,
        })
        .from(recordingPins)
        .innerJoin(staffUsers, eq(staffUsers.id, recordingPins.userId))
        .where(and(eq(staffUsers.role, 'administrator'), isNull(staffUsers.disabledAt)));
      return hotline === null
        ? rows
        : rows.filter((r) => r.hotlines.length === 0 || r.hotlines.includes(hotline));
    },

    async hotlinesOf(userId: string): Promise<string[] | null> {
      const [row] = await db
        .select({ hotlines: staffUsers.hotlines, role: staffUsers.role })
        .from(staffUsers)
        .where(and(eq(staffUsers.id, userId), isNull(staffUsers.disabledAt)));
      if (!row || row.role !== 'administrator') return null;
      if (row.hotlines.length) return row.hotlines;
      const active = await db
        .select({ number: hotlines.number })
        .from(hotlines)
        .where(eq(hotlines.active, true))
        .orderBy(hotlines.number);
      return active.map((h) => h.number);
    },

    /**
     * Prompts with a recording newer than the one callers hear that nobody approved yet: the
     * line does not ask for these again (they wait in the administration screen).
     */
    async awaitingApproval(numbers: string[]) {
      if (!numbers.length) return [];
      return db
        .selectDistinct({
          hotline: promptVersions.hotline,
          prompt: promptVersions.prompt,
          language: promptVersions.language,
        })
        .from(promptVersions)
        .where(
          and(
            inArray(promptVersions.hotline, numbers),
            isNull(promptVersions.approvedAt),
            sql`${promptVersions.version} > coalesce((select max(v.version) from ${promptVersions} v
              where v.hotline = ${promptVersions.hotline} and v.prompt = ${promptVersions.prompt}
              and v.language = ${promptVersions.language} and v.approved_at is not null), 0)`,
          ),
        );
    },
  };
}

export type TRecordingLineRepository = ReturnType<typeof recordingLineRepository>;

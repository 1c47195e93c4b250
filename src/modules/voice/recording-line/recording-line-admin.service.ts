import { randomInt } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordingLines, recordingPins } from '../../../../db/schema/recording-line';
import { staffUsers } from '../../../../db/schema/staff';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import { hashPassword } from '../../auth/password';
import { newPin, pinProblem } from './recording-pin.policy';
import { recordingLineRepository } from './recording-line.repository';

type TDeps = { db: TDatabase; config: Pick<TConfig, 'HMAC_KEY'> };

/**
 * What administrators set for the recording line: its numbers (per hotline or system-wide) and
 * their own or another administrator's PIN. Every change is audited; a PIN only as "set".
 */
export function recordingLineAdmin(deps: TDeps) {
  const { db, config } = deps;
  return {
    listLines: () => recordingLineRepository(db).listLines(),

    async putLine(
      input: { phoneNumber: string; hotline: string | null },
      actorId: string,
    ): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const [taken] = await tx
          .select({ id: recordingLines.id })
          .from(recordingLines)
          .where(eq(recordingLines.phoneNumber, input.phoneNumber));
        if (taken) throw new AppError('RECORDING_LINE_TAKEN');
        const [row] = await tx
          .insert(recordingLines)
          .values({ ...input, createdBy: actorId })
          .returning({ id: recordingLines.id });
        if (!row) throw new Error('recording line not stored');
        await recordAudit(tx, config, {
          actorId,
          action: 'recording_line.changed',
          entityType: 'recording_line',
          entityId: row.id,
          data: { change: 'added', hotline: input.hotline },
        });
        return row;
      });
    },

    async removeLine(id: string, actorId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [gone] = await tx
          .delete(recordingLines)
          .where(eq(recordingLines.id, id))
          .returning({ hotline: recordingLines.hotline });
        if (!gone) throw new AppError('NOT_FOUND');
        await recordAudit(tx, config, {
          actorId,
          action: 'recording_line.changed',
          entityType: 'recording_line',
          entityId: id,
          data: { change: 'removed', hotline: gone.hotline },
        });
      });
    },

    /** Administrators (enabled) who may record, and when their PIN was set: never the PIN. */
    async listRecorders() {
      const rows = await db
        .select({
          userId: staffUsers.id,
          displayName: staffUsers.displayName,
          hotlines: staffUsers.hotlines,
          pinSetAt: recordingPins.setAt,
        })
        .from(staffUsers)
        .leftJoin(recordingPins, eq(recordingPins.userId, staffUsers.id))
        .where(and(eq(staffUsers.role, 'administrator'), isNull(staffUsers.disabledAt)))
        .orderBy(asc(staffUsers.displayName));
      return rows.map((r) => ({ ...r, pinSetAt: r.pinSetAt?.toISOString() ?? null }));
    },

    /**
     * A PIN the system makes up, replacing any earlier one: returned this once for the screen
     * to show, stored only as its hash, audited as set (never the digits).
     */
    async newPin(userId: string, actorId: string): Promise<{ pin: string }> {
      const pin = newPin(() => randomInt(10));
      await this.setPin(userId, pin, actorId, true);
      return { pin };
    },

    /** Only an administrator has a PIN (only she may record prompts). */
    async setPin(userId: string, pin: string, actorId: string, generated = false): Promise<void> {
      const problem = pinProblem(pin);
      if (problem) throw new AppError(problem);
      const [user] = await db
        .select({ role: staffUsers.role })
        .from(staffUsers)
        .where(eq(staffUsers.id, userId));
      if (!user || user.role !== 'administrator') throw new AppError('NOT_FOUND');
      const pinHash = await hashPassword(pin);
      await db.transaction(async (tx) => {
        const now = new Date();
        await tx
          .insert(recordingPins)
          .values({ userId, pinHash, setBy: actorId, setAt: now })
          .onConflictDoUpdate({
            target: recordingPins.userId,
            set: { pinHash, setBy: actorId, setAt: now },
          });
        await recordAudit(tx, config, {
          actorId,
          action: 'recording_line.pin_set',
          entityType: 'user',
          entityId: userId,
          data: { by: actorId === userId ? 'self' : 'administrator', generated },
        });
      });
    },
  };
}

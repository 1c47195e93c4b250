import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { caseCodeSequence, cases } from '../../../db/schema/cases';
import { ticketServices } from '../../../db/schema/tickets';
import type { TTx } from '../audit/audit.repository';
import { formatCaseCode } from '../cases/case-code.policy';
import { caseSealed } from '../cases/case-view';
import { keyringOf } from '../crypto/keyring';
import { sealColumns } from '../crypto/sealed-columns';
import type { TGoodRow, TWriteContext } from './import-row.types';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const CLOSED = ['closed', 'closed_referred'];

/**
 * A historical case keeps its own dates: opened on its day (its code carries that year) and, when
 * the old system closed it, closed on its closing day (the opening day when none was recorded).
 * Owned by the importing administrator, like imported people's cases; its summary is encrypted.
 */
export async function writeCases(tx: TTx, ctx: TWriteContext, rows: TGoodRow[]) {
  const keyring = keyringOf(ctx.deps.config);
  const seqs = await tx.execute<{ seq: string }>(
    sql`select nextval(${caseCodeSequence.seqName}) as seq from generate_series(1, ${rows.length})`,
  );
  const made = rows.map((row, i) => {
    const v = row.values;
    const id = randomUUID();
    const opened = v.opened_at as Date;
    const status = (str(v.status) ?? 'closed') as 'closed';
    const closed = CLOSED.includes(status);
    return {
      id,
      code: formatCaseCode(opened.getUTCFullYear(), Number(seqs[i]?.seq)),
      hotline: ctx.hotline,
      status,
      riskLevel: (str(v.risk_level) ?? 'medium') as 'medium',
      ownerId: ctx.actorId,
      provinceCode: str(v.province_code) ?? null,
      categoryCode: str(v.category_code) ?? null,
      summaryEnc:
        sealColumns(keyring, 'cases', id, { summary: str(v.summary) }, caseSealed).summary ?? null,
      closedAt: closed ? ((v.closed_at as Date | undefined) ?? opened) : null,
      closureReason: closed ? ((str(v.closure_reason) ?? null) as 'resolved' | null) : null,
      createdAt: opened,
    };
  });
  await tx.insert(cases).values(made);
  return made.map((m, i) => ({
    externalId: rows[i]?.externalId ?? '',
    recordId: m.id,
    caseId: m.id,
  }));
}

/**
 * A service given in the old system, stored as staff record one for an organisation that does
 * not use the system (no ticket): for the named person in their case, or for the named case's
 * victims. The reports count its people and its quantity (times) on its own day.
 */
export async function writeServiceEvents(tx: TTx, ctx: TWriteContext, rows: TGoodRow[]) {
  const made = rows.map((row) => {
    const v = row.values;
    const caseId = row.caseId ?? row.person?.caseId;
    // The run resolves the person or the case before a service row counts as good.
    if (!caseId) throw new Error('service event row without its person or case');
    return {
      id: randomUUID(),
      caseId,
      personId: row.person?.personId ?? null,
      organisationKey: str(v.organisation) ?? null,
      service: v.service as string,
      givenOn: v.given_on as string,
      quantity: (v.quantity as number | undefined) ?? 1,
      endsOn: str(v.ends_on) ?? null,
      recordedBy: ctx.actorId,
    };
  });
  await tx.insert(ticketServices).values(made);
  return made.map((m, i) => ({
    externalId: rows[i]?.externalId ?? '',
    recordId: m.id,
    caseId: m.caseId,
  }));
}

import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { cases, casePeople, type TCaseStatus } from '../../../db/schema/cases';
import { contacts } from '../../../db/schema/contacts';
import { people } from '../../../db/schema/people';
import { readWithAudit } from '../audit/read-with-audit.service';
import type { TActor } from '../auth/actor';
import { scopeOf } from '../auth/permissions.policy';
import { keyringOf } from '../crypto/keyring';
import { phoneHash } from '../crypto/phone-hash';
import type { TRecordsDeps } from './records.deps';

export type TSearchInput = {
  caseCode?: string;
  phone?: string;
  from?: Date;
  to?: Date;
  status?: TCaseStatus;
  categoryCode?: string;
  provinceCode?: string;
  hotline?: string;
  counsellorId?: string;
  limit: number;
};

function scopeFilter(actor: TActor): SQL | undefined {
  const scope = scopeOf(actor, 'record.search');
  if (scope === 'all') return undefined;
  const own = eq(cases.ownerId, actor.userId);
  if (scope === 'hotline' && actor.hotlines.length)
    return or(own, inArray(cases.hotline, [...actor.hotlines]));
  return own;
}

/**
 * Case search within the actor's reach. A phone number is matched through its HMAC against
 * contacts and people, so it never has to be stored or compared in clear. Results carry no
 * personal fields; opening a case is what reads (and audits) its content.
 */
export async function searchCases(deps: TRecordsDeps, actor: TActor, input: TSearchInput) {
  const filters: Array<SQL | undefined> = [scopeFilter(actor)];
  if (input.caseCode) filters.push(eq(cases.code, input.caseCode.trim().toUpperCase()));
  if (input.status) filters.push(eq(cases.status, input.status));
  if (input.categoryCode) filters.push(eq(cases.categoryCode, input.categoryCode));
  if (input.provinceCode) filters.push(eq(cases.provinceCode, input.provinceCode));
  if (input.hotline) filters.push(eq(cases.hotline, input.hotline));
  if (input.counsellorId) filters.push(eq(cases.ownerId, input.counsellorId));
  if (input.from) filters.push(gte(cases.createdAt, input.from));
  if (input.to) filters.push(lt(cases.createdAt, input.to));
  if (input.phone) {
    const hash = phoneHash(keyringOf(deps.config), input.phone);
    const viaContacts = deps.db
      .select({ id: contacts.caseId })
      .from(contacts)
      .where(eq(contacts.callerPhoneHash, hash));
    const viaPeople = deps.db
      .select({ id: casePeople.caseId })
      .from(casePeople)
      .innerJoin(people, eq(people.id, casePeople.personId))
      .where(eq(people.phoneHash, hash));
    filters.push(or(inArray(cases.id, viaContacts), inArray(cases.id, viaPeople)));
  }
  const { phone, limit: _l, ...rest } = input;
  return readWithAudit(
    deps,
    (tx) =>
      tx
        .select({
          id: cases.id,
          code: cases.code,
          hotline: cases.hotline,
          status: cases.status,
          riskLevel: cases.riskLevel,
          ownerId: cases.ownerId,
          provinceCode: cases.provinceCode,
          categoryCode: cases.categoryCode,
          createdAt: cases.createdAt,
          updatedAt: cases.updatedAt,
          contactCount: sql<number>`(select count(*)::int from ${contacts} where ${contacts.caseId} = ${cases.id})`,
        })
        .from(cases)
        .where(and(...filters))
        .orderBy(desc(cases.createdAt))
        .limit(input.limit),
    (rows) => ({
      actorId: actor.userId,
      action: 'records.searched',
      entityType: 'case',
      entityId: '*',
      data: { filters: [...Object.keys(rest), ...(phone ? ['phone'] : [])], results: rows.length },
    }),
  );
}

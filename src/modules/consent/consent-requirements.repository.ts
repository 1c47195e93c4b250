import { and, desc, eq, sql } from 'drizzle-orm';
import { consentRequirements, consents } from '../../../db/schema/consent';
import type { TConsentRequirement } from '../../contracts/consent-requirements';
import type { TDbOrTx } from '../audit/audit.repository';

/** The latest version per partner kind (kinds never changed have no row: the default holds). */
export async function requirementsInForce(db: TDbOrTx) {
  return db
    .selectDistinctOn([consentRequirements.partnerKind])
    .from(consentRequirements)
    .orderBy(consentRequirements.partnerKind, desc(consentRequirements.version));
}

/** The same, as the consent gate takes them. */
export async function requirementRules(db: TDbOrTx): Promise<TConsentRequirement[]> {
  return (await requirementsInForce(db)).map(({ partnerKind, scope, childRule }) => ({
    partnerKind,
    scope,
    childRule,
  }));
}

/** The person's consents in force: the latest version per scope. */
export async function consentsInForce(db: TDbOrTx, personId: string | null) {
  if (!personId) return [];
  return db
    .selectDistinctOn([consents.scope], {
      scope: consents.scope,
      granted: consents.granted,
      givenBy: consents.givenBy,
    })
    .from(consents)
    .where(eq(consents.personId, personId))
    .orderBy(consents.scope, desc(consents.version));
}

/** Serialises changes to one kind's requirement so two administrators cannot both be version n. */
export async function lockRequirement(db: TDbOrTx, kind: string) {
  await db.execute(sql`select pg_advisory_xact_lock(736204, hashtext(${kind}))`);
  const [latest] = await db
    .select({ version: consentRequirements.version })
    .from(consentRequirements)
    .where(and(eq(consentRequirements.partnerKind, kind as TConsentRequirement['partnerKind'])))
    .orderBy(desc(consentRequirements.version))
    .limit(1);
  return latest?.version ?? 0;
}

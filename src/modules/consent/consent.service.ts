import { and, desc, eq, sql } from 'drizzle-orm';
import {
  consents,
  type consentGivers,
  type consentMethods,
  type TConsentScope,
} from '../../../db/schema/consent';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions.policy';
import type { TRecordsDeps } from '../cases/records.deps';
import { loadPerson, personResource } from '../people/people.service';
import { askReleaseForConsent } from '../referrals/holds/consent-holds.service';
import { currentConsents } from './consent.policy';

const CONSENT_LOCK = 736_203;

/**
 * A new version for one scope; earlier versions stay as they were (append-only). A granted
 * consent asks, in the same transaction, for the person's referrals held back for that scope to
 * be released; the caller enqueues `releases` after commit.
 */
export async function recordConsent(
  deps: TRecordsDeps,
  actor: TActor,
  personId: string,
  input: {
    scope: TConsentScope;
    granted: boolean;
    givenBy: (typeof consentGivers)[number];
    method: (typeof consentMethods)[number];
  },
  now = new Date(),
) {
  return deps.db.transaction(async (tx) => {
    const person = await loadPerson(tx, personId, true);
    assertCan(actor, 'consent.record', personResource(person), 'consent.view');
    await tx.execute(sql`select pg_advisory_xact_lock(${CONSENT_LOCK}, hashtext(${personId}))`);
    const [last] = await tx
      .select({ version: consents.version })
      .from(consents)
      .where(and(eq(consents.personId, personId), eq(consents.scope, input.scope)))
      .orderBy(desc(consents.version))
      .limit(1);
    const [row] = await tx
      .insert(consents)
      .values({ ...input, personId, version: (last?.version ?? 0) + 1, recordedById: actor.userId })
      .returning();
    const created = row as NonNullable<typeof row>;
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'consent.recorded',
      entityType: 'person',
      entityId: personId,
      data: { scope: input.scope, granted: input.granted, version: created.version },
    });
    const releases = input.granted
      ? await askReleaseForConsent(tx, personId, input.scope, now)
      : [];
    return { consent: created, releases };
  });
}

export async function listConsents(deps: TRecordsDeps, actor: TActor, personId: string) {
  return deps.db.transaction(async (tx) => {
    const person = await loadPerson(tx, personId);
    assertCan(actor, 'consent.view', personResource(person));
    const history = await tx
      .select()
      .from(consents)
      .where(eq(consents.personId, personId))
      .orderBy(consents.scope, consents.version);
    return { current: currentConsents(history), history };
  });
}

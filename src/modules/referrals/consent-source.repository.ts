import { and, desc, eq } from 'drizzle-orm';
import { consents } from '../../../db/schema/consent';
import type { TTx } from '../tickets/tickets.repository';

/**
 * Whether the person's consent to report to the police is in force: the latest version for that
 * scope, granted. A referral without a person has none.
 */
export async function policeConsentRecorded(
  tx: TTx,
  referral: { personId: string | null },
): Promise<boolean> {
  if (!referral.personId) return false;
  const [latest] = await tx
    .select({ granted: consents.granted })
    .from(consents)
    .where(and(eq(consents.personId, referral.personId), eq(consents.scope, 'report_to_police')))
    .orderBy(desc(consents.version))
    .limit(1);
  return latest?.granted ?? false;
}

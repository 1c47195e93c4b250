import { laoToday } from '../hotlines/lao-calendar';
import { eq } from 'drizzle-orm';
import { casePeople } from '../../../db/schema/cases';
import { people } from '../../../db/schema/people';
import type { TIdentification } from '../../contracts/identification';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions.policy';
import { appendTimeline } from '../cases/case-timeline.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import { keyringOf } from '../crypto/keyring';
import { columnsFor, loadPerson, personResource } from './people.service';
import { personView, type TPersonRow } from './person-view';

/**
 * Records a person's victim status, who identified them and when. Who may is the permission
 * table's `person.identify`. The change is audited and goes on the timeline of every case the
 * person is on, in the same transaction; the national tables count it from the next report.
 */
export async function identifyPerson(
  deps: TRecordsDeps,
  actor: TActor,
  personId: string,
  input: TIdentification,
) {
  // Lao calendar day (UTC+7): an identification typed this morning in Vientiane is not future.
  const today = laoToday();
  if (input.identificationDate && input.identificationDate > today)
    throw new AppError('VALIDATION_FAILED', { details: { identificationDate: 'in the future' } });
  const identified = input.victimStatus === 'identified';
  const fields = {
    victimStatus: input.victimStatus,
    identifiedBy: identified ? input.identifiedBy : null,
    identificationDate: identified ? input.identificationDate : null,
  };
  const row = await deps.db.transaction(async (tx) => {
    const current = await loadPerson(tx, personId, true);
    assertCan(actor, 'person.identify', personResource(current), 'person.view');
    if (current.version !== input.version) throw new AppError('CONFLICT');
    const [updated] = await tx
      .update(people)
      .set({ ...columnsFor(deps, personId, fields, current), version: current.version + 1 })
      .where(eq(people.id, personId))
      .returning();
    const data = {
      from: current.victimStatus,
      to: fields.victimStatus,
      identifiedBy: fields.identifiedBy,
      identificationDate: fields.identificationDate,
    };
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'person.identification_changed',
      entityType: 'person',
      entityId: personId,
      data,
    });
    const onCases = await tx
      .select({ caseId: casePeople.caseId })
      .from(casePeople)
      .where(eq(casePeople.personId, personId));
    for (const { caseId } of onCases)
      await appendTimeline(tx, {
        caseId,
        kind: 'person.identification_changed',
        actorId: actor.userId,
        refId: personId,
        data,
      });
    return updated as TPersonRow;
  });
  return personView(keyringOf(deps.config), row);
}

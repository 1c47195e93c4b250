import { eq } from 'drizzle-orm';
import { organisations } from '../../../db/schema/reference';
import { ticketServices } from '../../../db/schema/tickets';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { offersService } from '../referrals/tickets/service-kinds.repository';
import { appendTimeline } from './case-timeline.repository';
import { changeCase } from './cases.service';
import { casePeopleOf } from './cases.repository';
import type { TRecordsDeps } from './records.deps';

export type TCaseServiceInput = {
  organisation: string;
  personId?: string;
  service: string;
  givenOn: string;
  quantity: number;
  endsOn?: string;
};

/**
 * A service event recorded by staff for an organisation that does not use the system (a
 * provincial hospital, a district police post): the same row a partner records on its ticket,
 * without a ticket. An organisation that uses the system records its own services, so the
 * figures are never entered twice.
 */
export async function recordCaseService(
  deps: TRecordsDeps,
  actor: TActor,
  caseId: string,
  input: TCaseServiceInput,
): Promise<{ id: string }> {
  return changeCase(deps, actor, caseId, 'case.update', async (tx) => {
    const [org] = await tx
      .select({ kind: organisations.kind, usesSystem: organisations.usesSystem })
      .from(organisations)
      .where(eq(organisations.key, input.organisation));
    if (!org) throw new AppError('NOT_FOUND');
    if (org.usesSystem) throw new AppError('ORGANISATION_USES_SYSTEM');
    if (!(await offersService(tx, org.kind, input.service)))
      throw new AppError('SERVICE_NOT_OFFERED');
    if (input.personId) {
      const people = await casePeopleOf(tx, caseId);
      if (!people.some((p) => p.personId === input.personId))
        throw new AppError('PERSON_NOT_ON_CASE');
    }
    const [row] = await tx
      .insert(ticketServices)
      .values({
        caseId,
        personId: input.personId ?? null,
        organisationKey: input.organisation,
        service: input.service,
        givenOn: input.givenOn,
        quantity: input.quantity,
        endsOn: input.endsOn ?? null,
        recordedBy: actor.userId,
      })
      .returning({ id: ticketServices.id });
    const id = (row as { id: string }).id;
    await appendTimeline(tx, {
      caseId,
      kind: 'case.updated',
      actorId: actor.userId,
      refId: id,
      data: {
        change: 'service_recorded',
        service: input.service,
        organisation: input.organisation,
        quantity: input.quantity,
      },
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'case.service_recorded',
      entityType: 'case',
      entityId: caseId,
      data: { serviceEventId: id, service: input.service, organisation: input.organisation },
    });
    return { id };
  });
}

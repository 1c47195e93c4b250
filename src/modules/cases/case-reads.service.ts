import { asc, eq } from 'drizzle-orm';
import { caseNotes } from '../../../db/schema/cases';
import type { TActor } from '../auth/actor';
import { keyringOf } from '../crypto/keyring';
import { openColumns } from '../crypto/sealed-columns';
import { readTimeline } from './case-timeline.repository';
import { viewCase } from './cases.service';
import type { TRecordsDeps } from './records.deps';

export async function listCaseNotes(deps: TRecordsDeps, actor: TActor, caseId: string) {
  await viewCase(deps, actor, caseId, 'notes');
  const keyring = keyringOf(deps.config);
  const rows = await deps.db
    .select()
    .from(caseNotes)
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(asc(caseNotes.createdAt));
  return rows.map((n) => ({
    id: n.id,
    caseId: n.caseId,
    authorId: n.authorId,
    createdAt: n.createdAt,
    body:
      openColumns(keyring, 'case_notes', n.id, { body: n.bodyEnc }, { body: 'body_enc' }).body ??
      '',
  }));
}

export async function caseTimeline(deps: TRecordsDeps, actor: TActor, caseId: string) {
  await viewCase(deps, actor, caseId, 'timeline');
  const rows = await readTimeline(deps.db, caseId);
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    actorId: e.actorId,
    refId: e.refId,
    data: e.data,
    at: e.at,
  }));
}

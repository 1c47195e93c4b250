import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { caseFollowUps } from '../../../db/schema/cases';
import { followUpReminderJob } from '../../../src/jobs/follow-up-reminder.job';
import { jobContracts } from '../../../src/jobs/index';
import { openRedis } from '../../../src/infra/redis';
import { vientianeToday } from '../../../src/modules/cases/follow-up-due.policy';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';
import { createStaff, loginAs, type TTestStaff } from '../../fixtures/staff';
import { createCaseWithPerson, staffCall } from '../../fixtures/records';
import { workerDepsFor } from '../../fixtures/referrals-world';

let stores: TTestStores;
let app: FastifyInstance;
let deps: TWorkerDeps;
let running: TRunningWorkers;
let counsellor: string;
let me: TTestStaff;
let colleague: TTestStaff;
let otherLine: TTestStaff;

beforeAll(async () => {
  stores = await createTestStores();
  ({ app } = await buildTestApp(stores));
  me = await createStaff(stores, { role: 'counsellor', displayName: 'Counsellor Me' });
  colleague = await createStaff(stores, { role: 'counsellor', displayName: 'Colleague' });
  otherLine = await createStaff(stores, { role: 'counsellor', hotlines: ['1554'] });
  counsellor = await loginAs(app, me);
  deps = workerDepsFor(stores);
  running = startWorkers({
    contracts: jobContracts,
    processors,
    connection: openRedis(stores.config.REDIS_URL as string, 'worker'),
    deps,
  });
});
afterAll(async () => {
  await running?.close();
  await deps.queues.close();
  deps.redis.disconnect();
  await app.close();
  await stores.cleanup();
});

const status = (caseId: string, body: object) =>
  staffCall(app, counsellor, 'POST', `/cases/${caseId}/status`, body);
const timelineOf = async (caseId: string) =>
  (await staffCall(app, counsellor, 'GET', `/cases/${caseId}/timeline`)).body as unknown as Array<{
    kind: string;
    data: Record<string, unknown>;
  }>;
const auditActions = async (caseId: string) =>
  (
    await stores.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, caseId))
      .orderBy(auditLog.seq)
  ).map((a) => ({ action: a.action, data: a.data }));
const dayPlus = (days: number) => vientianeToday(new Date(Date.now() + days * 24 * 3600 * 1000));

describe('closing and reopening a case', () => {
  it('needs a closure reason, a note for "other", and a reason to reopen; all on the timeline', async () => {
    const { caseId, version } = await createCaseWithPerson(app, counsellor);
    const noReason = await status(caseId, { status: 'closed', version });
    expect(noReason).toMatchObject({
      status: 422,
      body: { error: { code: 'CLOSURE_REASON_REQUIRED' } },
    });
    const otherNoNote = await status(caseId, { status: 'closed', version, closureReason: 'other' });
    expect(otherNoNote.body.error).toMatchObject({ code: 'REASON_NOTE_REQUIRED' });
    const badReason = await status(caseId, { status: 'closed', version, closureReason: 'bored' });
    expect(badReason.status).toBe(400);

    const closed = await status(caseId, { status: 'closed', version, closureReason: 'resolved' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closureReason: 'resolved' });

    const reopenBare = await status(caseId, { status: 'active', version: closed.body.version });
    expect(reopenBare.body.error).toMatchObject({ code: 'REOPEN_REASON_REQUIRED' });
    const reopened = await status(caseId, {
      status: 'active',
      version: closed.body.version,
      reopenReason: 'other',
      note: 'Her mother called with a new address',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'active', closureReason: null, closedAt: null });

    const changes = (await timelineOf(caseId)).filter((e) => e.kind === 'case.status_changed');
    expect(changes.map((e) => e.data)).toEqual([
      { from: 'open', to: 'closed', closureReason: 'resolved' },
      expect.objectContaining({ from: 'closed', to: 'active', reopenReason: 'other' }),
    ]);
    // The reopen note is an encrypted case note, readable on the case.
    const notes = await staffCall(app, counsellor, 'GET', `/cases/${caseId}/notes`);
    expect(JSON.stringify(notes.body)).toContain('Her mother called with a new address');
    const audited = (await auditActions(caseId)).filter((a) => a.action === 'case.status_changed');
    expect(audited.map((a) => a.data.closureReason ?? a.data.reopenReason)).toEqual([
      'resolved',
      'other',
    ]);
  });
});

describe('follow-ups', () => {
  it('go to a counsellor of the hotline, not in the past; mine lists those due, overdue first', async () => {
    const { caseId } = await createCaseWithPerson(app, counsellor);
    const add = (body: object) =>
      staffCall(app, counsellor, 'POST', `/cases/${caseId}/follow-ups`, body);
    expect(
      (await add({ assigneeId: otherLine.id, dueOn: dayPlus(0), task: 'Call back' })).body.error,
    ).toMatchObject({ code: 'ASSIGNEE_NOT_ON_HOTLINE' });
    expect(
      (await add({ assigneeId: me.id, dueOn: dayPlus(-1), task: 'Call' })).body.error,
    ).toMatchObject({
      code: 'BAD_DUE_DATE',
    });
    expect((await add({ assigneeId: me.id, dueOn: '12/05/2026', task: 'Call' })).status).toBe(400);
    const assignees = await staffCall(
      app,
      counsellor,
      'GET',
      `/cases/${caseId}/follow-ups/assignees`,
    );
    const names = (assignees.body as unknown as Array<{ userId: string }>).map((a) => a.userId);
    expect(names).toEqual(expect.arrayContaining([me.id, colleague.id]));
    expect(names).not.toContain(otherLine.id);

    const today = await add({ assigneeId: me.id, dueOn: dayPlus(0), task: 'Call her sister' });
    expect(today.status).toBe(201);
    const later = await add({ assigneeId: me.id, dueOn: dayPlus(3), task: 'Check the shelter' });
    const theirs = await add({ assigneeId: colleague.id, dueOn: dayPlus(0), task: 'Visit' });
    expect([later.status, theirs.status]).toEqual([201, 201]);
    // One left from last week (as if created then): overdue, so it comes first.
    const overdue = await add({ assigneeId: me.id, dueOn: dayPlus(0), task: 'Send the form' });
    await stores.database.db
      .update(caseFollowUps)
      .set({ dueOn: dayPlus(-5) })
      .where(eq(caseFollowUps.id, overdue.body.id as string));

    const mine = async () =>
      (await staffCall(app, counsellor, 'GET', '/follow-ups/mine')).body as unknown as Array<{
        id: string;
        task: string;
        overdue: boolean;
        caseCode: string;
      }>;
    const list = (await mine()).filter((f) => [today.body.id, overdue.body.id].includes(f.id));
    expect(list.map((f) => [f.task, f.overdue])).toEqual([
      ['Send the form', true],
      ['Call her sister', false],
    ]);
    expect((await mine()).map((f) => f.id)).not.toContain(later.body.id);
    expect((await mine()).map((f) => f.id)).not.toContain(theirs.body.id);

    const done = await staffCall(app, counsellor, 'POST', `/follow-ups/${today.body.id}/complete`);
    expect(done.status).toBe(200);
    expect((await mine()).map((f) => f.id)).not.toContain(today.body.id);
    const again = await staffCall(app, counsellor, 'POST', `/follow-ups/${today.body.id}/complete`);
    expect(again.status).toBe(409);
    const kinds = (await timelineOf(caseId)).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('followup.'))).toEqual([
      'followup.added',
      'followup.added',
      'followup.added',
      'followup.added',
      'followup.completed',
    ]);
  });

  it('closing with open follow-ups asks to confirm; confirming cancels them, audited', async () => {
    const { caseId, version } = await createCaseWithPerson(app, counsellor);
    const f = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/follow-ups`, {
      assigneeId: me.id,
      dueOn: dayPlus(0),
      task: 'Ring the school',
    });
    const unconfirmed = await status(caseId, {
      status: 'closed',
      version,
      closureReason: 'no_contact_possible',
    });
    expect(unconfirmed).toMatchObject({
      status: 409,
      body: { error: { code: 'FOLLOW_UPS_OPEN' } },
    });
    const [still] = await stores.database.db
      .select()
      .from(caseFollowUps)
      .where(eq(caseFollowUps.id, f.body.id as string));
    expect(still?.status).toBe('open');

    const confirmed = await status(caseId, {
      status: 'closed',
      version,
      closureReason: 'no_contact_possible',
      cancelFollowUps: true,
    });
    expect(confirmed.status).toBe(200);
    const mine = await staffCall(app, counsellor, 'GET', '/follow-ups/mine');
    expect((mine.body as unknown as Array<{ id: string }>).map((x) => x.id)).not.toContain(
      f.body.id,
    );
    expect(await auditActions(caseId)).toEqual(
      expect.arrayContaining([
        {
          action: 'case.follow_up_cancelled',
          data: { followUpId: f.body.id, because: 'case_closed' },
        },
      ]),
    );
    const closedCase = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/follow-ups`, {
      assigneeId: me.id,
      dueOn: dayPlus(0),
      task: 'Too late',
    });
    expect(closedCase.status).toBe(409);
  });

  it("reminds the assignee's desk through a delayed job keyed by the follow-up", async () => {
    const { caseId } = await createCaseWithPerson(app, counsellor);
    const heard: string[] = [];
    const sub = openRedis(stores.config.REDIS_URL as string, 'worker');
    await sub.psubscribe(`${stores.config.REDIS_PREFIX}:io*`);
    sub.on('pmessageBuffer', (_p: Buffer, channel: Buffer, message: Buffer) =>
      heard.push(`${channel.toString('latin1')} ${message.toString('latin1')}`),
    );
    try {
      const later = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/follow-ups`, {
        assigneeId: colleague.id,
        dueOn: dayPlus(2),
        task: 'Check the shelter',
      });
      const queue = deps.queues.queue(followUpReminderJob.name);
      const laterJob = await queue.getJob(`follow-up-${later.body.id as string}`);
      expect(await laterJob?.getState()).toBe('delayed');

      const due = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/follow-ups`, {
        assigneeId: colleague.id,
        dueOn: dayPlus(0),
        task: 'Call her sister',
      });
      const job = await queue.getJob(`follow-up-${due.body.id as string}`);
      // Before 08:00 in Vientiane the reminder waits for the working day: bring it forward.
      if ((await job?.getState()) === 'delayed') await job?.promote();
      await expect
        .poll(() => heard.find((h) => h.includes(due.body.id as string)) ?? '', { timeout: 15_000 })
        .toContain('followup:due');
      const heardFor = heard.find((h) => h.includes(due.body.id as string)) ?? '';
      expect(heardFor).toContain(`user:${colleague.id}`);
      expect(heardFor).not.toContain('Call her sister');

      // Completing one removes its reminder.
      const colleagueCookie = await loginAs(app, colleague);
      await staffCall(app, colleagueCookie, 'POST', `/follow-ups/${later.body.id}/complete`);
      expect(await queue.getJob(`follow-up-${later.body.id as string}`)).toBeUndefined();
      const [row] = await stores.database.db
        .select()
        .from(caseFollowUps)
        .where(
          and(eq(caseFollowUps.id, later.body.id as string), eq(caseFollowUps.status, 'done')),
        );
      expect(row?.completedAt).toBeTruthy();
    } finally {
      sub.disconnect();
    }
  });
});

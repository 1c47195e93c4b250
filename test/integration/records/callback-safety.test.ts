import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/audit';
import { eventually } from '../../fixtures/routing-harness';
import { askForCallBack } from '../routing/support/callback-dialog';
import { oneHotline, type TOneHotline } from '../routing/support/one-hotline';

let h: TOneHotline;
const CALLER = '+8562055566666';

beforeAll(async () => {
  h = await oneHotline();
});
afterAll(() => h.close());

type TListed = {
  id: string;
  safety: { safeCallbackWindow: string | null; noSms: boolean; noVoicemail: boolean } | null;
  hasCodeWord: boolean;
};

describe('the call-back list keeps the caller safe', () => {
  it('shows safety fields in the list and the code word only on demand, audited', async () => {
    const { cookie, staff } = await h.counsellor({});
    // An earlier contact with this caller recorded their safety wishes.
    const earlier = await h.api(cookie, 'POST', '/contacts', {
      hotline: '1362',
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
      callerPhone: CALLER,
      safeToTalk: 'no',
      safeCallbackWindow: 'weekdays 12:00-13:00',
      codeWord: 'frangipani',
      noSms: true,
      noVoicemail: true,
    });
    expect(earlier.statusCode).toBe(201);

    const callSid = await h.incoming(CALLER);
    await askForCallBack(h, callSid, CALLER);
    const found = await eventually(async () => {
      const res = await h.api(cookie, 'GET', '/callbacks');
      const tasks = res.json().tasks as TListed[];
      // The task is created by the call's lifecycle event, after the webhook answered: retry.
      if (tasks.length !== 1) throw new Error(`expected one call-back task, got ${tasks.length}`);
      return { body: res.body, task: tasks[0] as TListed };
    });
    const listed = found;
    expect(listed.task.safety).toMatchObject({
      safeCallbackWindow: 'weekdays 12:00-13:00',
      noSms: true,
      noVoicemail: true,
    });
    expect(listed.task.hasCodeWord).toBe(true);
    expect(listed.body).not.toContain('frangipani');
    expect(listed.body).not.toContain('55566666');

    const revealed = await h.api(cookie, 'POST', `/callbacks/${listed.task.id}/code-word`);
    expect(revealed.json()).toEqual({ codeWord: 'frangipani' });
    const audited = await h.stores.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'callback.code_word_viewed'), eq(auditLog.actorId, staff.id)));
    expect(audited.map((a) => a.entityId)).toEqual([listed.task.id]);

    // Never dialled by itself: the task waits for a counsellor to take it.
    expect(h.twilio.requests.filter((r) => r.path.endsWith('/Calls.json'))).toHaveLength(0);
  });

  it("hides another hotline's code word", async () => {
    const { cookie } = await h.counsellor({ hotlines: ['1554'] });
    const { cookie: mine } = await h.counsellor({});
    const [task] = (await h.api(mine, 'GET', '/callbacks')).json().tasks as TListed[];
    expect((await h.api(cookie, 'POST', `/callbacks/${task?.id}/code-word`)).statusCode).toBe(404);
  });
});

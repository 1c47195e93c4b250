import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema/cases';
import { staffUsers } from '../../db/schema/staff';
import { tickets } from '../../db/schema/tickets';
import { openRedis } from '../../src/infra/redis';
import { JobQueues } from '../../src/jobs/job-queues';
import { requestReferral } from '../../src/modules/referrals/request/request-referral.service';
import { insertCaseWithPerson, insertRule, insertUnit } from '../fixtures/referrals-world';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn, signInWithTotp } from './support/sign-in';

describe('supervisor: escalations inbox and audit log', () => {
  let system: TE2eSystem;
  let queues: JobQueues;
  beforeAll(async () => {
    system = await startE2eSystem();
    const redis = openRedis(system.stores.config.REDIS_URL ?? '', 'worker');
    queues = new JobQueues(redis, system.stores.config.REDIS_PREFIX);
  }, 180_000);
  afterAll(async () => {
    await queues?.close();
    await system?.stop();
  });

  it(
    'shows an overdue referral with a link to its case, and who opened that case',
    { timeout: 120_000 },
    async () => {
      const { db } = system.stores.database;
      const unit = await insertUnit(system.stores, { kind: 'shelter', usesSystem: true });
      await insertRule(system.stores, {
        need: 'shelter',
        unitId: unit.id,
        // The person lives in Vientiane Capital, where the demo directory has its own shelter rule.
        provinceCode: 'LA-VT',
      });
      const { caseId, personId } = await insertCaseWithPerson(system.stores);
      const [caseRow] = await db.select().from(cases).where(eq(cases.id, caseId));
      const code = caseRow?.code ?? '';

      // The counsellor opens the case (an audited read) and asks for a shelter.
      const desk = await system.browser.newPage({ uiLanguage: 'en' });
      await signIn(desk, system.login('counsellor'));
      await desk.getByTestId('current-user').waitFor();
      await desk.goto(`/desk/cases/${caseId}`);
      await desk.getByTestId('referrals').waitFor({ state: 'attached' });
      const [noy] = await db
        .select()
        .from(staffUsers)
        .where(eq(staffUsers.username, system.login('counsellor').username));
      if (!noy) throw new Error('demo counsellor missing');
      await requestReferral(
        { db, config: system.stores.config, queues },
        { ...noy, organisationKey: null, provinceCode: null, userId: noy.id, sessionId: 'e2e' },
        { caseId, personId, needs: ['shelter'], priority: 'urgent' },
        new Date(),
      );
      await expect
        .poll(
          async () => (await db.select().from(tickets).where(eq(tickets.caseId, caseId))).length,
          {
            timeout: 20_000,
          },
        )
        .toBe(1);
      // The shelter never acknowledged: its acknowledge time passed an hour ago.
      await db
        .update(tickets)
        .set({ dueAcknowledgeAt: new Date(Date.now() - 3_600_000) })
        .where(eq(tickets.caseId, caseId));

      const page = await system.browser.newPage({ uiLanguage: 'en' });
      await signInWithTotp(page, system.login('supervisor'));
      await page.getByRole('link', { name: 'Escalations and audit' }).click();
      const row = page.getByTestId('escalations').getByRole('row', { name: new RegExp(code) });
      await row.getByText('Overdue').waitFor();
      await row.getByText('Shelter', { exact: true }).waitFor();
      await screenshot(page, 'supervisor-escalations-en');
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await page.getByRole('heading', { name: 'ການສົ່ງຕໍ່ທີ່ເກີນກຳນົດ ຫຼື ຖືກເລື່ອນຂັ້ນ' }).waitFor();
      await screenshot(page, 'supervisor-escalations-lo');
      await page.getByRole('button', { name: 'English' }).click();

      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByLabel('Case code').fill(code);
      await page.getByLabel('Action').selectOption({ label: 'Viewed case' });
      await page.getByRole('button', { name: 'Search' }).click();
      const viewed = page.getByTestId('audit-rows').getByRole('row', { name: /Viewed case/ });
      await viewed.first().getByText('Counsellor Noy').waitFor();
      await screenshot(page, 'supervisor-audit-en');
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await page.getByRole('heading', { name: 'ໃຜເບິ່ງ ຫຼື ປ່ຽນແປງຫຍັງ' }).waitFor();
      await screenshot(page, 'supervisor-audit-lo');
      await page.getByRole('button', { name: 'English' }).click();

      await page.getByRole('link', { name: 'Escalations and audit' }).click();
      await page.getByRole('link', { name: `Open case ${code}` }).click();
      await page.waitForURL(`**/desk/cases/${caseId}`);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../db/schema/staff';
import { tickets } from '../../db/schema/tickets';
import { JobQueues } from '../../src/jobs/job-queues';
import { openRedis } from '../../src/infra/redis';
import { requestReferral } from '../../src/modules/referrals/request/request-referral.service';
import { insertCaseWithPerson } from '../fixtures/referrals-world';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn, signInWithTotp } from './support/sign-in';
import { screenshotBoth } from './support/both-languages';

describe('a referral held back for consent, on the desk in Lao', () => {
  let system: TE2eSystem;
  let queues: JobQueues;
  beforeAll(async () => {
    system = await startE2eSystem();
    queues = new JobQueues(
      openRedis(system.stores.config.REDIS_URL ?? '', 'worker'),
      system.stores.config.REDIS_PREFIX,
    );
  }, 180_000);
  afterAll(async () => {
    await queues?.close();
    await system?.stop();
  });

  it('says which partner is held back and why, and sends it once consent is recorded', async () => {
    const { db } = system.stores.database;
    const { caseId, personId } = await insertCaseWithPerson(system.stores, {
      age: 30,
      shareConsent: false,
      name: 'Canary Held',
    });
    const [noy] = await db
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.username, system.login('counsellor').username));
    if (!noy) throw new Error('demo counsellor missing');
    const { referralId } = await requestReferral(
      { db, config: system.stores.config, queues },
      {
        userId: noy.id,
        role: 'counsellor',
        displayName: noy.displayName,
        hotlines: noy.hotlines,
        languages: noy.languages,
        organisationKey: null,
        provinceCode: null,
        sessionId: 'e2e',
      },
      { caseId, personId, needs: ['shelter'], priority: 'urgent' },
      new Date(),
    );

    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`/desk/cases/${caseId}`);
    const held = desk.getByTestId('held-partner');
    await held.getByText('ກັກໄວ້: ຍັງບໍ່ມີການຍິນຍອມ').waitFor({ timeout: 20_000 });
    expect(await desk.getByTestId('referral-status').textContent()).toBe('ກັກໄວ້: ຍັງບໍ່ມີການຍິນຍອມ');
    // Nothing reached the partner, and the desk never says "sent".
    expect(await db.select().from(tickets).where(eq(tickets.referralId, referralId))).toEqual([]);
    expect(await desk.getByTestId('referrals').textContent()).not.toContain('ສົ່ງແລ້ວ');
    await screenshot(desk, 'desk-consent-held-lo');

    await held.getByRole('button', { name: 'ບັນທຶກການຍິນຍອມ (ແບ່ງປັນກັບຜູ້ໃຫ້ບໍລິການ) ແລະ ສົ່ງ' }).click();
    // The held-back line goes away and the partner's ticket takes its place.
    await desk.getByTestId('ticket-state').getByText('ລໍຖ້າຮັບຮູ້').waitFor({ timeout: 20_000 });
    await held.waitFor({ state: 'detached' });
    // The ticket arrives by push and the referral's own line follows on its reload: both settle.
    await expect
      .poll(() => desk.getByTestId('referrals').textContent(), { timeout: 10_000 })
      .not.toContain('ກັກໄວ້');
    await expect
      .poll(() => desk.getByTestId('referral-status').textContent(), { timeout: 10_000 })
      .toBe('ສົ່ງແລ້ວ');
    expect(await db.select().from(tickets).where(eq(tickets.referralId, referralId))).toHaveLength(
      1,
    );
    await screenshot(desk, 'desk-consent-released-lo');
  }, 90_000);

  it('lets an administrator see and change the consent each partner kind needs', async () => {
    const admin = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(admin, system.login('admin'));
    await admin.goto('/admin/consent');
    const police = admin.getByTestId('consent-requirement-police');
    expect(await police.getByLabel(/Consent needed/).inputValue()).toBe('report_to_police');
    const labour = admin.getByTestId('consent-requirement-labour');
    expect(await labour.getByLabel(/Consent needed/).inputValue()).toBe(
      'share_with_service_providers',
    );
    await labour.getByLabel(/Consent needed/).selectOption('share_with_labour_authority');
    await labour.getByRole('button', { name: 'Save Labour' }).click();
    await admin
      .getByRole('status')
      .getByText('Saved Labour (version 2)', { exact: false })
      .waitFor();
    expect(await labour.textContent()).toContain('2');
    await screenshotBoth(admin, 'admin-consent');
  }, 60_000);
});

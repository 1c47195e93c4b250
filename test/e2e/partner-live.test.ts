import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../db/schema/staff';
import { JobQueues } from '../../src/jobs/job-queues';
import { openRedis } from '../../src/infra/redis';
import { requestReferral } from '../../src/modules/referrals/request/request-referral.service';
import { insertCaseWithPerson, insertRule, insertUnit } from '../fixtures/referrals-world';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInEnrolling } from './support/sign-in';

describe("the partner portal follows its organisation's tickets live", () => {
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

  it('a new ticket, its acknowledgement and its withdrawal show without reloading', async () => {
    // A shelter of the demo partner's organisation that works in the portal.
    const unit = await insertUnit(system.stores, { kind: 'shelter', usesSystem: true });
    await insertRule(system.stores, { need: 'shelter', unitId: unit.id, provinceCode: 'LA-VT' });
    const { caseId, personId } = await insertCaseWithPerson(system.stores, {
      name: 'Canary Live',
    });

    // The agent keeps her unit's open tickets on screen, in Lao; nothing is there yet.
    const agent = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(agent, system.login('partner'));
    await agent.goto('/partner?box=unit');
    const inbox = agent.locator('section.partner');
    await inbox.getByText('ບໍ່ມີການສົ່ງຕໍ່').waitFor();
    // Every later change must come over the socket: a reload would lose this mark.
    await agent.evaluate(() => Object.assign(window, { notReloaded: true }));

    // The counsellor asks for a shelter; the workers create the ticket for the organisation.
    const { db } = system.stores.database;
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
    const item = agent.locator('.partner-inbox li');
    await item.getByText('ລໍຖ້າຮັບຊາບ').waitFor({ timeout: 20_000 });
    await inbox.getByText('ບໍ່ມີການສົ່ງຕໍ່').waitFor({ state: 'detached' });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).not.toContain('Canary');
    await screenshot(agent, 'partner-live-new-lo');

    // Her manager acknowledges it on his own screen, in English: her list follows.
    const manager = await system.browser.newPage({ uiLanguage: 'en' });
    await signInEnrolling(manager, system.login('partnermanager'));
    await manager.goto('/partner?box=new');
    await manager.locator('.partner-inbox li a').first().click();
    await manager.getByRole('button', { name: 'Acknowledge' }).click();
    await manager.getByTestId('ticket-state').getByText('Acknowledged').waitFor();
    await item.getByText('ຮັບຊາບແລ້ວ').waitFor();
    expect(await item.textContent()).not.toContain('ລໍຖ້າຮັບຊາບ');

    // The manager goes back to his new referrals: the acknowledged one is no longer new.
    await manager.goto('/partner?box=new');
    await manager.getByText('No referrals').waitFor();
    await screenshot(manager, 'partner-live-new-box-en');

    // The counsellor withdraws it on the desk: it leaves the agent's open tickets.
    const desk = await system.browser.newPage({ uiLanguage: 'en' });
    await signInEnrolling(desk, system.login('counsellor'));
    await desk.goto(`/desk/cases/${caseId}`);
    await desk.getByTestId('ticket-state').getByText('Acknowledged').waitFor();
    await desk.getByText('Withdraw the referral', { exact: true }).click();
    const withdraw = desk.getByRole('form', { name: 'Withdraw the referral' });
    await withdraw.getByLabel('Reason for withdrawing').selectOption('person_declined');
    await withdraw.getByRole('button', { name: 'Withdraw and tell the partner' }).click();
    await desk.getByTestId('ticket-state').getByText('Withdrawn').waitFor();

    await inbox.getByText('ບໍ່ມີການສົ່ງຕໍ່').waitFor();
    expect(await item.count()).toBe(0);
    expect(await agent.evaluate(() => 'notReloaded' in window)).toBe(true);
    await screenshot(agent, 'partner-live-withdrawn-lo');
  }, 120_000);
});

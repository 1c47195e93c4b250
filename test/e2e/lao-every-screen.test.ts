import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema/cases';
import { staffUsers } from '../../db/schema/staff';
import { tickets } from '../../db/schema/tickets';
import { openRedis } from '../../src/infra/redis';
import { JobQueues } from '../../src/jobs/job-queues';
import { requestReferral } from '../../src/modules/referrals/request/request-referral.service';
import { insertCaseWithPerson, insertRule, insertUnit } from '../fixtures/referrals-world';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { partnerLinkSms } from './support/referral-desk';
import { screenshot } from './support/screenshots';
import { signInEnrolling } from './support/sign-in';
import { findLeaks, visibleTexts, type TLeak } from './support/visible-text';

const PHONE = { width: 390, height: 844 };
const SHELTER_SMS = '+8562055577031';

describe('every screen a person reaches in Lao reads in Lao', () => {
  let system: TE2eSystem;
  let queues: JobQueues;
  const leaks: Record<string, TLeak[]> = {};
  let allowed: Array<string | RegExp> = [];

  /** Records what the screen shows that is not Lao; all screens are reported together at the end. */
  async function check(page: Page, name: string, alsoAllowed: Array<string | RegExp> = []) {
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, `lao-every-${name}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('lo');
    const found = findLeaks(await visibleTexts(page), [...allowed, ...alsoAllowed]);
    if (found.length) leaks[name] = found;
  }

  const overflow: Record<string, number> = {};

  /** The same screen on a 390 px phone: nothing may make the page scroll sideways. */
  async function fitsPhone(page: Page, name: string) {
    await page.setViewportSize(PHONE);
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, `lao-phone-${name}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) overflow[name] = width;
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  beforeAll(async () => {
    system = await startE2eSystem();
    const redis = openRedis(system.stores.config.REDIS_URL ?? '', 'worker');
    queues = new JobQueues(redis, system.stores.config.REDIS_PREFIX);
  }, 180_000);
  afterAll(async () => {
    await queues?.close();
    await system?.stop();
  });

  it('signs in as every role and finds no raw key, code or English sentence', async () => {
    const { db } = system.stores.database;
    // A partner unit of the demo partner's organisation, a case with a victim, and a referral
    // the shelter acts on: the case timeline, the ticket's history and the audit log have entries.
    const unit = await insertUnit(system.stores, {
      kind: 'shelter',
      usesSystem: true,
      smsNumbers: [SHELTER_SMS],
    });
    await insertRule(system.stores, { need: 'shelter', unitId: unit.id, provinceCode: 'LA-VT' });
    const { caseId, personId } = await insertCaseWithPerson(system.stores, {
      name: 'Canary Vongsa',
    });
    const [caseRow] = await db.select().from(cases).where(eq(cases.id, caseId));
    const code = caseRow?.code ?? '';
    const staff = await db.select().from(staffUsers);
    // What people typed, shown as typed: names and user names, the case code, phone numbers,
    // record ids; and the names of file formats and of the chat apps (written so in Lao too).
    allowed = [
      ...staff.map((s) => s.displayName),
      /\b[0-9a-f]{8}\b/g,
      'Excel (XLSX)',
      'CSV',
      'SMS',
      'WhatsApp',
      'Messenger',
      'Canary Vongsa',
      code,
      /SD-[A-Z0-9-]+/g,
      /\+?\d[\d ]{6,}/g,
      'ສາຍດ່ວນ',
    ];

    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(desk, system.login('counsellor'));
    const noy = staff.find((s) => s.username === system.login('counsellor').username);
    if (!noy) throw new Error('demo counsellor missing');
    await requestReferral(
      { db, config: system.stores.config, queues },
      { ...noy, organisationKey: null, provinceCode: null, userId: noy.id, sessionId: 'e2e' },
      { caseId, personId, needs: ['shelter'], priority: 'urgent' },
      new Date(),
    );
    await expect
      .poll(async () => await db.select().from(tickets).where(eq(tickets.caseId, caseId)), {
        timeout: 20_000,
      })
      .toHaveLength(1);
    const [ticket] = await db.select().from(tickets).where(eq(tickets.caseId, caseId));

    // The shelter's SMS is in Lao (its unit has no other language set) and names nobody.
    const { body: sms } = await partnerLinkSms(system, SHELTER_SMS);
    expect(sms).toMatch(/^ສາຍດ່ວນ: ມີການສົ່ງຕໍ່ໃໝ່ \(ຮີບດ່ວນ\)\. ເປີດ: http/);
    expect(findLeaks([sms.slice(0, sms.indexOf('http'))], [])).toEqual([]);
    expect(sms).not.toContain('Canary');

    // The partner acknowledges and accepts in Lao: the ticket's history and the case timeline grow.
    const partner = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(partner, system.login('partner'));
    await check(partner, 'partner-inbox');
    await partner.goto('/partner?box=unit');
    await check(partner, 'partner-inbox-unit');
    await partner.goto(`/partner/tickets/${ticket?.id}`);
    await partner.getByRole('button', { name: 'ຮັບຊາບ', exact: true }).click();
    await partner.getByTestId('ticket-state').getByText('ຮັບຊາບແລ້ວ').waitFor();
    await partner.getByRole('button', { name: 'ຮັບເອົາ', exact: true }).click();
    await partner.getByTestId('ticket-state').getByText('ຮັບເອົາແລ້ວ').waitFor();
    await check(partner, 'partner-ticket');
    await fitsPhone(partner, 'partner-ticket');

    // A second counsellor is away on a training: the wallboard shows why.
    const kham = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(kham, system.login('counsellor2'));
    await kham.locator('.presence-bar__reason select').selectOption('training');
    await kham.getByRole('button', { name: 'ພັກ', exact: true }).click();
    await kham.getByTestId('presence-state').getByText(/·/).waitFor();
    await check(kham, 'desk-away');

    // The counsellor's screens.
    await desk.goto('/desk');
    await check(desk, 'desk-home');
    await fitsPhone(desk, 'desk-home');
    await desk.goto('/desk/callbacks');
    await check(desk, 'desk-callbacks');
    await desk.goto('/desk/offline');
    await check(desk, 'desk-offline');
    await desk.goto('/desk/answer-on');
    await check(desk, 'desk-answer-on');
    await desk.goto(`/desk/cases/${caseId}`);
    await desk.getByTestId('referrals').waitFor({ state: 'attached' });
    await desk.getByTestId('ticket-state').getByText('ຮັບແລ້ວ').waitFor();
    await check(desk, 'desk-case');
    await fitsPhone(desk, 'desk-case');

    // The supervisor: wallboard, escalations, audit log, reports.
    const supervisor = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(supervisor, system.login('supervisor'));
    await supervisor.goto('/wallboard');
    await supervisor.getByText('Counsellor Kham').first().waitFor();
    await check(supervisor, 'wallboard');
    await fitsPhone(supervisor, 'wallboard');
    await supervisor.goto('/supervisor');
    await check(supervisor, 'supervisor-escalations');
    await supervisor.goto('/supervisor/audit');
    await supervisor.locator('form button[type="submit"]').first().click();
    await supervisor.getByTestId('audit-rows').getByRole('row').nth(1).waitFor();
    await check(supervisor, 'supervisor-audit');
    await supervisor.goto('/reports');
    await supervisor.locator('.reports__table').first().waitFor();
    // A table with nothing to draw says so in Lao instead of an empty axis.
    await supervisor
      .getByTestId('chart-empty')
      .getByText(/ບໍ່ມີຂໍ້ມູນໃນໄລຍະນີ້/)
      .first()
      .waitFor();
    await check(supervisor, 'reports');

    // The statistician's reports.
    const statistician = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(statistician, system.login('statistician'));
    await statistician.locator('.reports__table').first().waitFor();
    await check(statistician, 'statistician-reports');

    // The administrator: every tab.
    const admin = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(admin, system.login('admin'));
    await admin.goto('/admin');
    for (const tab of [
      '',
      '/hotlines/1362',
      '/users',
      '/partners',
      '/rules',
      '/consent',
      '/prompts',
      '/blocklist',
      '/retention',
    ]) {
      // Moving through the tabs as a person does, without reloading the app each time.
      if (tab.startsWith('/hotlines/')) await admin.locator(`a[href="/admin${tab}"]`).click();
      else await admin.locator(`.admin__tabs a[href="/admin${tab}"]`).click();
      await admin
        .locator(
          tab.startsWith('/hotlines/') ? '.admin form' : '.admin__tabs a[aria-current="page"]',
        )
        .waitFor()
        .catch(async (err: unknown) => {
          await screenshot(admin, `lao-every-failed-admin${tab.replace(/\//g, '-')}`);
          throw err;
        });
      // The tab has drawn its panel once something follows the tabs and nothing is loading.
      await expect
        .poll(() =>
          admin.evaluate(
            () =>
              !document.querySelector('.loading') &&
              !!document.querySelector('.admin__tabs')?.nextElementSibling,
          ),
        )
        .toBe(true);
      // The users tab lists user names as their owners chose them.
      const userNames = staff.map((u) => new RegExp(`^${u.username}$`));
      await check(admin, `admin${tab.replace(/\//g, '-') || '-hotlines'}`, userNames);
      if (!tab) await fitsPhone(admin, 'admin-hotlines');
    }

    expect.soft(leaks).toEqual({});

    // The header and the screens fit a 390 px phone without sideways scrolling.
    expect(overflow).toEqual({});
  }, 300_000);
});

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSql } from '../../src/infra/database';
import { refreshReportAggregates } from '../../src/modules/reports/report-aggregates.repository';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInEnrolling } from './support/sign-in';

const byMode = 'ການໃຫ້ຄຳປຶກສາ ແຍກຕາມຮູບແບບ';
const updatingNotice = 'ກຳລັງປັບປຸງຕົວເລກໃຫ້ທັນສະໄໝ';

/** A person counselled by phone two hours ago on hotline 1362 (this year's national report). */
async function insertCounselledPerson(sql: TSql, code: string): Promise<void> {
  const person = randomUUID();
  const caseId = randomUUID();
  await sql`insert into people (id, hotline, sex, nationalities, victim_status)
    values (${person}, '1362', 'female', '{LA}', 'possible')`;
  await sql`insert into cases (id, code, hotline) values (${caseId}, ${code}, '1362')`;
  await sql`insert into case_people (case_id, person_id, role) values (${caseId}, ${person}, 'victim')`;
  await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at)
    values (${randomUUID()}, ${caseId}, '1362', 'call', 'lo', 'self', 'crisis', now() - interval '2 hours')`;
}

/** The hotline-mode counselling row: sessions, people, female, new, continuing. */
async function hotlineSessions(page: Page): Promise<string | null> {
  const table = page.locator('table.report-table', {
    has: page.getByText(byMode, { exact: true }),
  });
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'ສາຍດ່ວນ', exact: true }) })
    .locator('td')
    .first()
    .textContent();
}

describe('the reports screen says as of when its figures are, in Lao', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
    const sql = system.stores.database.sql;
    await insertCounselledPerson(sql, 'E2E-FRESH-1');
    // The aggregates as the worker's nightly rebuild leaves them.
    await refreshReportAggregates(sql, { full: true, wait: true });
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it('shows "as of", says figures are being updated after an edit, and the notice goes away once refreshed', async () => {
    const sql = system.stores.database.sql;
    const page = await system.browser.newPage({ uiLanguage: 'lo' });
    await signInEnrolling(page, system.login('statistician'));
    await page.goto('/reports');
    const panel = page.getByTestId('report-freshness');
    await panel.getByText('ຕົວເລກນັບຮອດ', { exact: false }).waitFor();
    await page.getByText(byMode, { exact: true }).waitFor();
    expect(await hotlineSessions(page)).toBe('1');
    expect(await page.getByText(updatingNotice, { exact: false }).count()).toBe(0);
    // Lao only: no English word in the panel (the time is written the Lao way).
    expect(await panel.innerText()).not.toMatch(/[A-Za-z]/);

    // Another phone counselling recorded: the screen keeps the last figures and says they lag.
    await insertCounselledPerson(sql, 'E2E-FRESH-2');
    await page.reload();
    await page.getByText(updatingNotice, { exact: false }).waitFor();
    await page.getByText(byMode, { exact: true }).waitFor();
    expect(await hotlineSessions(page)).toBe('1');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-freshness-updating-lo');

    // The worker's refresh (asked for by that report) runs; the screen picks it up by itself.
    await expect
      .poll(() => page.getByText(updatingNotice, { exact: false }).count(), { timeout: 90_000 })
      .toBe(0);
    await expect.poll(() => hotlineSessions(page), { timeout: 30_000 }).toBe('2');
    await panel.getByText('ຕົວເລກນັບຮອດ', { exact: false }).waitFor();
    await screenshot(page, 'reports-freshness-current-lo');

    // "Refresh now" for a secretariat about to sign: the button says it is working, then is back.
    const before = await panel.innerText();
    await page.getByRole('button', { name: 'ປັບປຸງຕົວເລກດຽວນີ້' }).click();
    await page.getByRole('button', { name: 'ກຳລັງປັບປຸງຕົວເລກ…' }).waitFor();
    await page.getByRole('button', { name: 'ປັບປຸງຕົວເລກດຽວນີ້' }).waitFor({ timeout: 90_000 });
    const audited = await sql`select 1 from audit_log where action = 'report.refresh_requested'`;
    expect(audited.length).toBe(1);
    expect(await panel.innerText()).not.toMatch(/[A-Za-z]/);
    expect(before).toContain('ຕົວເລກນັບຮອດ');
  }, 240_000);
});

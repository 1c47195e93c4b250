import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertCaseWithPerson } from '../fixtures/referrals-world';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

type TTable = { key: string; rows: Array<{ key: string; cells: number[] }> };

/** The national report's identified-victim rows the person falls in: total, female, <18, both. */
async function identifiedCounts(page: Page): Promise<Record<string, number[] | undefined>> {
  // The year of the identification date, a Lao calendar day.
  const year = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Vientiane',
    year: 'numeric',
  }).format(new Date());
  const res = await page.request.get(`/api/staff/reports/national?period=year&year=${year}`);
  expect(res.status()).toBe(200);
  const { tables } = (await res.json()) as { tables: TTable[] };
  const row = (table: string, key: string) =>
    tables.find((t) => t.key === table)?.rows.find((r) => r.key === key)?.cells;
  return {
    nationality: row('nationality', 'LA'),
    province: row('province', 'LA-VT'),
    form: row('forms', 'forced_labour'),
  };
}

describe('a counsellor identifies a victim on the desk, in Lao', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('sets her status, sees it on the timeline, and the national tables count her', async () => {
    // A girl of 16 from Vientiane Capital, Lao, forced labour: a possible victim until identified.
    const { caseId } = await insertCaseWithPerson(system.stores, { age: 16, name: 'Canary Ident' });
    const statistics = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(statistics, system.login('statistician'));
    await statistics.getByTestId('current-user').waitFor();
    const before = await identifiedCounts(statistics);

    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`/desk/cases/${caseId}`);
    const status = desk.getByTestId('victim-status');
    await status.getByText('ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍ').waitFor();

    await desk.getByText('ການຢັ້ງຢືນຜູ້ຖືກເຄາະຮ້າຍ', { exact: true }).click();
    const form = desk.getByRole('form', { name: 'ການຢັ້ງຢືນຜູ້ຖືກເຄາະຮ້າຍ' });
    await form.getByLabel('ສະຖານະ').selectOption('identified');
    await form.getByLabel('ຢັ້ງຢືນໂດຍ').selectOption('lwu');
    // The date is typed the Lao way and starts at today.
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Vientiane' }).format(
      new Date(),
    );
    expect(await form.getByLabel('ວັນທີຢັ້ງຢືນ').inputValue()).toBe(today);
    await form.getByRole('button', { name: 'ບັນທຶກສະຖານະ' }).click();

    await status.getByText('ຢັ້ງຢືນແລ້ວວ່າເປັນຜູ້ຖືກເຄາະຮ້າຍ').waitFor();
    expect(await status.textContent()).toContain('ສະຫະພັນແມ່ຍິງລາວ');
    expect(await status.textContent()).not.toContain('ອາດເປັນຜູ້ຖືກເຄາະຮ້າຍ');
    await desk
      .locator('.timeline')
      .getByText('ປ່ຽນສະຖານະຜູ້ຖືກເຄາະຮ້າຍ: ຢັ້ງຢືນແລ້ວວ່າເປັນຜູ້ຖືກເຄາະຮ້າຍ')
      .waitFor();
    expect(await desk.locator('.timeline').textContent()).not.toContain(
      'person.identification_changed',
    );
    await screenshot(desk, 'desk-identified-lo');

    // Counted in the national tables: by nationality, province and form, as female and under 18.
    const after = await identifiedCounts(statistics);
    for (const table of ['nationality', 'province', 'form'] as const) {
      const was = before[table] ?? [0, 0, 0, 0];
      expect(after[table], table).toEqual(was.map((n) => n + 1));
    }
  }, 90_000);
});

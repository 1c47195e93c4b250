import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffUsers } from '../../db/schema/staff';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';
import { findLeaks, visibleTexts, type TLeak } from './support/visible-text';

// The casework screens of the Lao check (lao-every-screen.test.ts), on a system of their own: all
// of that file's pages share one address and its per-minute request limit is already near full.
describe('recording a contact and closing a case read in Lao', () => {
  let system: TE2eSystem;
  const leaks: Record<string, TLeak[]> = {};
  let allowed: Array<string | RegExp> = [];

  async function check(page: Page, name: string) {
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, `lao-every-${name}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('lo');
    const found = findLeaks(await visibleTexts(page), allowed);
    if (found.length) leaks[name] = found;
  }

  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('shows no raw key, code or English from the contact form to the closed case', async () => {
    const staff = await system.stores.database.db.select().from(staffUsers);
    // What people typed, shown as typed: colleagues' names (the follow-up assignee) and the code.
    allowed = [...staff.map((s) => s.displayName), /SD-[A-Z0-9-]+/g, /\b[0-9a-f]{8}\b/g];
    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByTestId('current-user').waitFor();

    // Recording a contact: the form with its counselling reasons.
    await desk.goto('/desk/offline');
    const contactForm = desk.getByTestId('contact-form');
    await desk.locator('[data-testid="contact-form"][data-form-hotline="1362"]').waitFor();
    await contactForm.getByLabel('ສະຫຼຸບການລົມ').fill('ນາງຖືກກັກໄວ້ຢູ່ຮ້ານອາຫານ.');
    await contactForm.getByLabel('ຄວາມສຳພັນໃນຄອບຄົວ').check();
    await check(desk, 'desk-contact-recording');
    await contactForm.getByRole('button', { name: 'ບັນທຶກການຕິດຕໍ່' }).click();

    // The new case with the whole victim profile to fill in, a country looked up in Lao.
    await desk.getByRole('heading', { name: /^ກໍລະນີ SD-/ }).waitFor();
    const addPerson = desk.getByRole('form', { name: 'ເພີ່ມຜູ້ຖືກເຄາະຮ້າຍ' });
    await addPerson.getByRole('group', { name: 'ການຊັກຊວນ' }).waitFor();
    const where = 'ບ່ອນທີ່ຖືກຂູດຮີດ ຫຼື ເຮັດວຽກ (ປະເທດ ຫຼື ແຂວງ)';
    await addPerson.getByRole('combobox', { name: where }).fill('ສະ');
    await addPerson.getByRole('listbox', { name: where }).waitFor();
    await check(desk, 'desk-contact-recorded-case');

    // A victim with a profile, then the case closed with a reason.
    await addPerson.getByRole('listbox', { name: where }).getByRole('option').first().click();
    await addPerson.getByLabel('ຜູກມັດດ້ວຍໜີ້ສິນ').check();
    await addPerson.getByRole('button', { name: 'ບັນທຶກບຸກຄົນ' }).click();
    await desk.getByTestId('person-facts').waitFor();
    const closeForm = desk.getByRole('form', { name: 'ປິດກໍລະນີ' });
    await closeForm.getByLabel('ເຫດຜົນທີ່ປິດ').selectOption('resolved');
    await check(desk, 'desk-case-closing');
    await closeForm.getByRole('button', { name: 'ປິດກໍລະນີ' }).click();
    await desk.getByTestId('case-status').getByText('ແກ້ໄຂແລ້ວ', { exact: false }).waitFor();
    await check(desk, 'desk-case-closed');

    expect(leaks).toEqual({});
  }, 180_000);
});

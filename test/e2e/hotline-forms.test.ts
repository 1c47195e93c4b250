import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit';
import { contacts } from '../../db/schema/contacts';
import { people } from '../../db/schema/people';
import { staffUsers } from '../../db/schema/staff';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn, signInWithTotp } from './support/sign-in';
import { findLeaks, visibleTexts } from './support/visible-text';

// The Lao words on screen (contact.strings.ts, case.strings.ts, profile.strings.ts,
// forms.strings.ts, victim-profile.json).
const lo = {
  offlineTab: 'ບັນທຶກການຕິດຕໍ່ນອກສາຍ',
  summary: 'ສະຫຼຸບການລົມ',
  saveContact: 'ບັນທຶກການຕິດຕໍ່',
  reasons: 'ເຫດຜົນທີ່ຕິດຕໍ່ມາ',
  family: 'ຄວາມສຳພັນໃນຄອບຄົວ',
  addPerson: 'ເພີ່ມຜູ້ຖືກເຄາະຮ້າຍ',
  sex: 'ເພດ',
  savePerson: 'ບັນທຶກບຸກຄົນ',
  youth: 'ການຮຽນ ແລະ ຄອບຄົວ',
  recruitment: 'ການຊັກຊວນ',
  school: 'ການຮຽນ',
  droppedOut: 'ອອກໂຮງຮຽນກາງຄັນ',
  livesWith: 'ອາໄສຢູ່ກັບ',
  relatives: 'ຍາດພີ່ນ້ອງ',
  adminForms: 'ແບບຟອມຂອງສາຍດ່ວນ',
  hotline: 'ສາຍດ່ວນ',
  current: 'ສະບັບທີ່ໃຊ້ຢູ່',
  view1: 'ເບິ່ງສະບັບ 1',
  fieldsOf1: 'ຊ່ອງຂໍ້ມູນຂອງສະບັບ 1',
  showReasons: 'ສະແດງພາກສ່ວນ «ເຫດຜົນທີ່ຕິດຕໍ່ມາ»',
  publish: 'ເຜີຍແຜ່ສະບັບໃໝ່',
  published2: 'ເຜີຍແຜ່ສະບັບ 2 ແລ້ວ',
  unchanged: 'ບໍ່ມີຫຍັງປ່ຽນແປງຈາກສະບັບທີ່ໃຊ້ຢູ່.',
};

/** Opens the offline contact form of a hotline and waits for that hotline's form to be drawn. */
async function offlineForm(page: Page, hotline: string) {
  await page.getByRole('link', { name: lo.offlineTab }).click();
  await page.locator('.offline-contact select').first().selectOption(hotline);
  await page.locator(`[data-testid="contact-form"][data-form-hotline="${hotline}"]`).waitFor();
  return page.getByTestId('contact-form');
}

async function saveContactAndOpenCase(page: Page) {
  const contact = page.getByTestId('contact-form');
  await contact.getByLabel(lo.summary).fill('ນ້ອງອອກໂຮງຮຽນ ແລະ ມີຄົນສະເໜີວຽກ.');
  await contact.getByRole('button', { name: lo.saveContact }).click();
  await page.getByRole('heading', { name: /^ກໍລະນີ SD-/ }).waitFor();
}

describe("each hotline's versioned form, in Lao", () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('asks a 1554 counsellor about school and family, and never asks it on 1362', async () => {
    const { db } = system.stores.database;
    const page = await system.browser.newPage({ uiLanguage: 'lo' });
    // The demo's "counsellor" answers 1362 and 1554 (the Lao Youth Union's line).
    await signIn(page, system.login('counsellor'));
    const contact = await offlineForm(page, '1554');
    await contact.getByRole('group', { name: lo.reasons }).getByLabel(lo.family).check();
    await saveContactAndOpenCase(page);

    const add = page.getByRole('form', { name: lo.addPerson });
    const youth = add.getByRole('group', { name: lo.youth });
    await youth.waitFor();
    // The youth line's own section comes first, before the trafficking profile.
    const sections = await add.locator('fieldset.profile-section > legend').allTextContents();
    expect(sections[0]).toBe(lo.youth);
    expect(sections).toContain(lo.recruitment);
    await add.getByLabel(lo.sex, { exact: true }).selectOption('female');
    await youth.getByLabel(lo.school, { exact: true }).selectOption({ label: lo.droppedOut });
    await youth.getByLabel(lo.livesWith).selectOption({ label: lo.relatives });
    await youth.scrollIntoViewIfNeeded();
    await screenshot(page, 'form-1554-youth-lo');
    await add.getByRole('button', { name: lo.savePerson }).click();
    await page.getByTestId('person').first().waitFor();
    const [stored] = await db.select().from(people).where(eq(people.hotline, '1554'));
    expect(stored).toMatchObject({
      schoolStatus: 'dropped_out',
      livesWith: 'relatives',
      formVersion: 1,
    });

    // The same counsellor on 1362: the trafficking profile, and no school-and-family section.
    await offlineForm(page, '1362');
    await saveContactAndOpenCase(page);
    await add.getByRole('group', { name: lo.recruitment }).waitFor();
    expect(await add.getByRole('group', { name: lo.youth }).count()).toBe(0);
    expect(await add.getByLabel(lo.livesWith).count()).toBe(0);
    expect(await add.getByText(lo.droppedOut).count()).toBe(0);

    // A 1362 counsellor who is not on the youth line cannot even choose it.
    const other = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(other, system.login('counsellor2'));
    await other.getByRole('link', { name: lo.offlineTab }).click();
    const choices = await other.locator('.offline-contact select').first().locator('option');
    expect(await choices.allTextContents()).not.toContain('1554');
  }, 180_000);

  it('publishes a new 1362 version without the contact reasons; the desk follows it and old records keep theirs', async () => {
    const { db } = system.stores.database;
    // Before: the 1362 desk asks the reasons for contact (version 1).
    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(desk, system.login('counsellor2'));
    let contact = await offlineForm(desk, '1362');
    await contact.getByRole('group', { name: lo.reasons }).waitFor();

    const admin = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(admin, system.login('admin'));
    await admin.waitForURL('**/admin');
    await admin.getByRole('button', { name: 'ລາວ' }).click();
    await admin.getByRole('link', { name: lo.adminForms }).click();
    const panel = admin.getByRole('region', { name: lo.adminForms });
    await panel.getByLabel(lo.hotline).selectOption('1362');
    const v1 = panel.getByTestId('form-version-1');
    await v1.getByText(lo.current).waitFor();
    await v1.getByRole('button', { name: lo.view1 }).click();
    const fields = panel.getByRole('region', { name: lo.fieldsOf1 });
    await fields.getByText(lo.reasons, { exact: false }).first().waitFor();
    // Nothing changed yet: publishing is held back, and the screen says why.
    const publish = panel.getByRole('button', { name: lo.publish });
    await panel.getByText(lo.unchanged).waitFor();
    expect(await publish.isDisabled()).toBe(true);

    await panel.getByLabel(lo.showReasons).uncheck();
    expect(await panel.getByText(lo.unchanged).count()).toBe(0);
    await screenshot(admin, 'admin-forms-edit-lo');
    // Names people typed (the administrator's own, as publisher and in the header) are as typed.
    const names = (await db.select({ name: staffUsers.displayName }).from(staffUsers)).map(
      (u) => u.name,
    );
    const leaks = findLeaks(await visibleTexts(admin), names);
    expect(leaks).toEqual([]);
    await publish.click();
    await panel.getByRole('status').filter({ hasText: lo.published2 }).waitFor();
    const v2 = panel.getByTestId('form-version-2');
    await v2.getByText(lo.current).waitFor();
    // Version 1 is kept, no longer current.
    expect(await panel.getByTestId('form-version-1').getByText(lo.current).count()).toBe(0);
    await screenshot(admin, 'admin-forms-published-lo');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'hotline.form_published'), eq(auditLog.entityId, '1362')));
    expect(audit?.data).toMatchObject({ version: 2 });

    // The desk's next 1362 form follows version 2: the reasons for contact are gone.
    await desk.reload();
    contact = await offlineForm(desk, '1362');
    await contact.getByLabel(lo.summary).waitFor();
    expect(await contact.getByRole('group', { name: lo.reasons }).count()).toBe(0);
    expect(await contact.getByLabel(lo.family).count()).toBe(0);
    await screenshot(desk, 'contact-form-v2-lo');
    await saveContactAndOpenCase(desk);
    const stamped = await db
      .select({ formVersion: contacts.formVersion, reasons: contacts.contactReasons })
      .from(contacts)
      .where(eq(contacts.hotline, '1362'));
    // The contacts of the first test were entered with version 1 and keep it.
    expect(stamped.map((c) => c.formVersion).sort()).toEqual([1, 2]);
  }, 180_000);
});

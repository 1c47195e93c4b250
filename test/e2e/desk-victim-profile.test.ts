import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../db/schema/contacts';
import { people } from '../../db/schema/people';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

// The Lao words on screen (case.strings.ts, profile.strings.ts, victim-profile.json, CLDR names).
const lo = {
  offlineTab: 'ບັນທຶກການຕິດຕໍ່ນອກສາຍ',
  summary: 'ສະຫຼຸບການລົມ',
  saveContact: 'ບັນທຶກການຕິດຕໍ່',
  reasons: 'ເຫດຜົນທີ່ຕິດຕໍ່ມາ',
  family: 'ຄວາມສຳພັນໃນຄອບຄົວ',
  addPerson: 'ເພີ່ມຜູ້ຖືກເຄາະຮ້າຍ',
  name: 'ຊື່ (ຖ້າຮູ້)',
  sex: 'ເພດ',
  age: 'ອາຍຸ',
  nationality: 'ສັນຊາດ',
  savePerson: 'ບັນທຶກບຸກຄົນ',
  recruitment: 'ການຊັກຊວນ',
  labour: 'ຄຳຮ້ອງທາງດ້ານແຮງງານ',
  youth: 'ການຮຽນ ແລະ ຄອບຄົວ',
  how: 'ຖືກຊັກຊວນແນວໃດ',
  jobOffer: 'ສະເໜີວຽກ ຫຼື ໂຄສະນາຫາງານ',
  where: 'ບ່ອນທີ່ຖືກຂູດຮີດ ຫຼື ເຮັດວຽກ (ປະເທດ ຫຼື ແຂວງ)',
  debt: 'ຜູກມັດດ້ວຍໜີ້ສິນ',
  documentsTaken: 'ຍຶດເອກະສານໄວ້',
  began: 'ເລີ່ມຖືກຂູດຮີດວັນທີ',
  ended: 'ສິ້ນສຸດວັນທີ',
  employer: 'ນາຍຈ້າງ ຫຼື ບໍລິສັດ (ເກັບແບບເຂົ້າລະຫັດ)',
  wages: 'ຄ່າຈ້າງທີ່ຍັງຄ້າງ',
  sector: 'ຂະແໜງວຽກ',
  factory: 'ໂຮງງານ',
  badDates: 'ກວດເບິ່ງວັນທີ: ພິມເປັນ ວັນ/ເດືອນ/ປີ',
  profile: 'ຂໍ້ມູນລະອຽດຂອງຜູ້ຖືກເຄາະຮ້າຍ',
  transit: 'ເດີນທາງຜ່ານ (ປະເທດ ຫຼື ແຂວງ)',
  saveProfile: 'ບັນທຶກຂໍ້ມູນລະອຽດ',
};

/** Records an offline contact for a hotline and opens the new case. */
async function newCase(page: Page, hotline: string, reasons: boolean) {
  await page.getByRole('link', { name: lo.offlineTab }).click();
  await page.locator('.offline-contact select').first().selectOption(hotline);
  const contact = page.getByTestId('contact-form');
  await page.locator(`[data-testid="contact-form"][data-form-hotline="${hotline}"]`).waitFor();
  await contact.getByLabel(lo.summary).fill('ເອື້ອຍຖືກກັກໄວ້ຢູ່ໂຮງງານ.');
  // The counselling reasons are asked where the hotline's form has them, and only there.
  const reasonSet = contact.getByRole('group', { name: lo.reasons });
  if (reasons) await reasonSet.getByLabel(lo.family).check();
  else expect(await reasonSet.count()).toBe(0);
  await contact.getByRole('button', { name: lo.saveContact }).click();
  await page.getByRole('heading', { name: /^ກໍລະນີ SD-/ }).waitFor();
}

async function pickPlace(page: Page, field: string, typed: string, option: string) {
  const add = page.getByRole('form', { name: lo.addPerson });
  await add.getByRole('combobox', { name: field }).fill(typed);
  await add.getByRole('listbox', { name: field }).getByRole('option', { name: option }).click();
}

describe('the whole victim profile on the desk, per hotline, in Lao', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('records the HTCDS profile with country pickers and starts the next person blank', async () => {
    const { db } = system.stores.database;
    const page = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(page, system.login('counsellor2'));
    await newCase(page, '1362', true);
    const add = page.getByRole('form', { name: lo.addPerson });
    // 1362's form: the trafficking profile, not the labour line's complaint or the youth line's.
    await add.getByRole('group', { name: lo.recruitment }).waitFor();
    expect(await add.getByRole('group', { name: lo.labour }).count()).toBe(0);
    expect(await add.getByRole('group', { name: lo.youth }).count()).toBe(0);

    await add.getByLabel(lo.name).fill('ນາງ ແກ້ວ');
    await add.getByLabel(lo.sex, { exact: true }).selectOption('female');
    await add.getByLabel(lo.age, { exact: true }).fill('19');
    // Nationality: Thai instead of the preset Lao, found by typing its Lao name.
    await add.getByRole('button', { name: 'ເອົາ ລາວ ອອກ' }).click();
    await pickPlace(page, lo.nationality, 'ໄທ', 'ໄທ');
    await add.getByLabel(lo.how).selectOption({ label: lo.jobOffer });
    await pickPlace(page, lo.where, 'ມາເລ', 'ມາເລເຊຍ');
    await add.getByLabel(lo.debt).check();
    await add.getByLabel(lo.documentsTaken).check();
    await add.getByLabel(lo.began).fill('01/03/2023');
    await add.getByLabel(lo.ended).fill('31/02/2025');
    await add.getByRole('button', { name: lo.savePerson }).click();
    // A date that does not exist holds the save back, and says why.
    await add.getByRole('alert').filter({ hasText: lo.badDates }).waitFor();
    expect(await page.getByTestId('person').count()).toBe(0);
    await add.getByLabel(lo.ended).fill('30/06/2025');
    await add.getByTestId('exploitation-duration').getByText('27 ເດືອນ').waitFor();
    // Corrected: the warning goes.
    expect(await add.getByRole('alert').filter({ hasText: lo.badDates }).count()).toBe(0);
    await screenshot(page, 'victim-profile-filled-lo');
    await add.getByRole('button', { name: lo.savePerson }).click();

    const facts = page.getByTestId('person-facts');
    await facts.waitFor();
    const line = (await facts.textContent()) ?? '';
    expect(line).toContain('ສັນຊາດ: ໄທ');
    expect(line).toContain('ຖືກຂູດຮີດຢູ່: ມາເລເຊຍ');
    expect(line).toContain('ເປັນເດັກຕອນຖືກຂູດຮີດ');
    expect(line).not.toMatch(/\b(TH|MY|LA)\b/);

    // The next person starts blank: none of her profile is left in the form.
    await page.locator('summary', { hasText: lo.addPerson }).click();
    expect(await add.getByLabel(lo.name).inputValue()).toBe('');
    expect(await add.getByLabel(lo.how).inputValue()).toBe('');
    expect(await add.getByLabel(lo.debt).isChecked()).toBe(false);
    expect(await add.getByLabel(lo.documentsTaken).isChecked()).toBe(false);
    expect(await add.getByLabel(lo.began).inputValue()).toBe('');
    expect(await add.getByLabel(lo.ended).inputValue()).toBe('');
    expect(await add.getByText('ມາເລເຊຍ').count()).toBe(0);
    expect(await add.getByRole('button', { name: 'ເອົາ ໄທ ອອກ' }).count()).toBe(0);
    await add.getByRole('button', { name: 'ເອົາ ລາວ ອອກ' }).waitFor();
    expect(await add.getByTestId('exploitation-duration').count()).toBe(0);
    await screenshot(page, 'victim-profile-next-blank-lo');

    const [stored] = await db.select().from(people);
    expect(stored).toMatchObject({
      nationalities: ['TH'],
      recruitmentMethod: 'job_offer',
      meansOfControl: ['debt_bondage', 'withholds_documents'],
      stageLocations: [{ stage: 'exploitation', kind: 'country', code: 'MY' }],
      exploitationStartedOn: '2023-03-01',
      exploitationEndedOn: '2025-06-30',
      under18AtExploitation: true,
      formVersion: 1,
    });
    const [contact] = await db.select().from(contacts);
    expect(contact).toMatchObject({ contactReasons: ['family_relationships'], formVersion: 1 });

    // Later in the case: the profile editor opens with what was stored, and a change keeps the rest.
    await page.locator('summary', { hasText: lo.profile }).click();
    const edit = page.getByRole('form', { name: lo.profile });
    expect(await edit.getByLabel(lo.how).inputValue()).toBe('job_offer');
    expect(await edit.getByLabel(lo.debt).isChecked()).toBe(true);
    expect(await edit.getByLabel(lo.began).inputValue()).toBe('01/03/2023');
    await edit.getByRole('listitem').filter({ hasText: 'ມາເລເຊຍ' }).waitFor();
    await edit.getByRole('combobox', { name: lo.transit }).fill('ໄທ');
    await edit
      .getByRole('listbox', { name: lo.transit })
      .getByRole('option', { name: 'ໄທ' })
      .click();
    await edit.getByLabel(lo.documentsTaken).uncheck();
    await screenshot(page, 'victim-profile-edit-lo');
    await edit.getByRole('button', { name: lo.saveProfile }).click();
    await expect
      .poll(async () => (await db.select().from(people))[0]?.meansOfControl)
      .toEqual(['debt_bondage']);
    const [edited] = await db.select().from(people);
    expect(edited?.stageLocations).toEqual([
      { stage: 'transit', kind: 'country', code: 'TH' },
      { stage: 'exploitation', kind: 'country', code: 'MY' },
    ]);
    expect(edited?.recruitmentMethod).toBe('job_offer');
  }, 180_000);

  it("shows the labour line its complaint section and keeps the employer's name encrypted", async () => {
    const { db } = system.stores.database;
    const page = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(page, system.login('counsellor2'));
    await newCase(page, '1512', false);
    const add = page.getByRole('form', { name: lo.addPerson });
    const labour = add.getByRole('group', { name: lo.labour });
    await labour.waitFor();
    expect(await add.getByRole('group', { name: lo.youth }).count()).toBe(0);
    await add.getByLabel(lo.sex, { exact: true }).selectOption('male');
    await labour.getByLabel(lo.employer).fill('ບໍລິສັດ ສິ່ງທໍ ທອງຄຳ');
    await labour.getByLabel(lo.sector).selectOption({ label: lo.factory });
    await labour.getByLabel(lo.wages).fill('4500');
    await labour.locator('select').last().selectOption('THB');
    await pickPlace(page, lo.where, 'ໄທ', 'ໄທ');
    await screenshot(page, 'victim-profile-labour-lo');
    await add.getByRole('button', { name: lo.savePerson }).click();
    await page
      .getByTestId('person-facts')
      .getByText(/ຖືກຂູດຮີດຢູ່: ໄທ/)
      .waitFor();
    await page.locator('summary', { hasText: lo.addPerson }).click();
    expect(await labour.getByLabel(lo.employer).inputValue()).toBe('');
    expect(await labour.getByLabel(lo.wages).inputValue()).toBe('');

    const rows = await db.select().from(people).where(eq(people.hotline, '1512'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      labourSector: 'manufacturing',
      wagesOwedAmount: 4500,
      wagesOwedCurrency: 'THB',
    });
    expect(rows[0]?.employerEnc).toBeTruthy();
    expect(rows[0]?.employerEnc).not.toContain('ທອງຄຳ');
  }, 180_000);
});

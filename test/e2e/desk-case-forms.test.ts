import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

// The Lao case page's words (contact.strings.ts, case.strings.ts, taxonomy.json).
const lo = {
  offlineTab: 'ບັນທຶກການຕິດຕໍ່ນອກສາຍ',
  summary: 'ສະຫຼຸບການລົມ',
  saveContact: 'ບັນທຶກການຕິດຕໍ່',
  addPerson: 'ເພີ່ມຜູ້ຖືກເຄາະຮ້າຍ',
  name: 'ຊື່ (ຖ້າຮູ້)',
  sex: 'ເພດ',
  age: 'ອາຍຸ',
  savePerson: 'ບັນທຶກບຸກຄົນ',
  sexualExploitation: 'ບັງຄັບບໍລິການທາງເພດ / ຂູດຮີດທາງເພດ',
  requestReferral: 'ຂໍການສົ່ງຕໍ່',
  referralPerson: 'ສົ່ງຕໍ່ໃຫ້ບຸກຄົນ',
  shelter: 'ສູນພັກເຊົາ',
  labour: 'ແຮງງານ',
  send: 'ສົ່ງຄຳຂໍ',
  sent: 'ສົ່ງຄຳຂໍແລ້ວ',
};

describe('the case page starts each person and each referral request afresh', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('empties the add-person form after a save and forgets "sent" for the next request', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(page, system.login('counsellor'));
    await page.getByRole('link', { name: lo.offlineTab }).click();
    const contact = page.getByTestId('contact-form');
    await contact.getByLabel(lo.summary).fill('ເອື້ອຍຖືກກັກໄວ້ຢູ່ໂຮງງານ.');
    await contact.getByRole('button', { name: lo.saveContact }).click();
    await page.getByRole('heading', { name: /^ກໍລະນີ SD-/ }).waitFor();

    const add = page.getByRole('form', { name: lo.addPerson });
    await add.getByLabel(lo.name).fill('ນາງ ທົດສອບ');
    await add.getByLabel(lo.sex, { exact: true }).selectOption('female');
    await add.getByLabel(lo.age, { exact: true }).fill('16');
    await add.getByLabel(lo.sexualExploitation).check();
    await add.getByRole('button', { name: lo.savePerson }).click();
    await page.getByTestId('person').first().waitFor();

    // "Add a victim" again: nothing of the first victim is left in the form.
    await page.locator('summary', { hasText: lo.addPerson }).click();
    expect(await add.getByLabel(lo.name).inputValue()).toBe('');
    expect(await add.getByLabel(lo.sex, { exact: true }).inputValue()).toBe('unknown');
    expect(await add.getByLabel(lo.age, { exact: true }).inputValue()).toBe('');
    expect(await add.getByLabel(lo.sexualExploitation).isChecked()).toBe(false);
    await screenshot(page, 'add-person-blank-lo');

    // An adult man is stored as himself, not under her name with her form of exploitation.
    await add.getByLabel(lo.sex, { exact: true }).selectOption('male');
    await add.getByLabel(lo.age, { exact: true }).fill('35');
    await add.getByRole('button', { name: lo.savePerson }).click();
    await expect.poll(() => page.getByTestId('person').count()).toBe(2);
    const people = await page.getByTestId('person').locator('h3').allTextContents();
    expect(people).toEqual(['ນາງ ທົດສອບ · ຍິງ · 16', '#2 · ຊາຍ · 35']);

    const request = page.getByRole('form', { name: lo.requestReferral });
    const sent = request.getByRole('status');
    await request.getByLabel(lo.referralPerson).selectOption({ label: 'ນາງ ທົດສອບ' });
    await request.getByLabel(lo.shelter).check();
    await request.getByRole('button', { name: lo.send }).click();
    await sent.filter({ hasText: lo.sent }).waitFor();

    // The next request is for the man: the first one's "sent" is not his.
    await request.getByLabel(lo.referralPerson).selectOption({ label: '#2' });
    expect(await sent.count()).toBe(0);
    expect(await request.getByLabel(lo.shelter).isChecked()).toBe(false);
    await request.getByLabel(lo.labour).check();
    expect(await sent.count()).toBe(0);
    await screenshot(page, 'referral-next-person-lo');
  }, 120_000);
});

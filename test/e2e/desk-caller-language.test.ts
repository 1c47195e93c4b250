import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents } from '../../db/schema/consent';
import { contacts } from '../../db/schema/contacts';
import { people } from '../../db/schema/people';
import { insertRule, insertUnit } from '../fixtures/referrals-world';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { partnerLinkSms } from './support/referral-desk';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

const SHELTER_SMS = '+8562055577101';
// The Lao words on the desk and on the partner's ticket.
const lo = {
  goAvailable: 'ພ້ອມຮັບສາຍ',
  accept: 'ຮັບສາຍ',
  language: 'ພາສາທີ່ລົມ',
  interpreterNeeded: 'ຕ້ອງການຜູ້ແປພາສາ',
  summary: 'ສະຫຼຸບການລົມ',
  saveContact: 'ບັນທຶກການຕິດຕໍ່',
  addPerson: 'ເພີ່ມຜູ້ຖືກເຄາະຮ້າຍ',
  sex: 'ເພດ',
  age: 'ອາຍຸ',
  personLanguage: 'ພາສາທີ່ເວົ້າ',
  sameAsCaller: 'ຄືກັບຜູ້ໂທ',
  savePerson: 'ບັນທຶກບຸກຄົນ',
  requestReferral: 'ຂໍການສົ່ງຕໍ່',
  shelter: 'ສູນພັກເຊົາ',
  send: 'ສົ່ງຄຳຂໍ',
  lao: 'ລາວ',
  yes: 'ແມ່ນ',
};

describe("the caller's language reaches the partner", () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('from the menu choice to the contact, the person and the shelter ticket', async () => {
    const unit = await insertUnit(system.stores, {
      kind: 'shelter',
      usesSystem: false,
      smsNumbers: [SHELTER_SMS],
    });
    await insertRule(system.stores, { need: 'shelter', unitId: unit.id });
    const { db } = system.stores.database;

    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByRole('button', { name: lo.goAvailable, exact: true }).click();
    // Menu choice 1 on 1362: Lao.
    system.sim.placeCall({ hotline: '1362', from: '+8562055512201', digits: ['1'] });
    await desk.getByTestId('offer').waitFor({ timeout: 20_000 });
    await desk.getByRole('button', { name: lo.accept, exact: true }).click();

    const form = desk.getByTestId('contact-form');
    const spoken = form.getByLabel(lo.language);
    expect(await spoken.inputValue()).toBe('lo');
    await form.getByLabel(lo.interpreterNeeded).check();
    await form.getByLabel(lo.summary).fill('ຜູ້ໂທເວົ້າພາສາລາວ ແຕ່ຕ້ອງການຜູ້ແປ.');
    await form.getByRole('button', { name: lo.saveContact }).click();
    await desk.getByRole('heading', { name: /^ກໍລະນີ SD-/ }).waitFor();
    const [contact] = await db.select().from(contacts);
    expect(contact).toMatchObject({ language: 'lo', interpreterNeeded: true });

    // The person is recorded without choosing a language: she speaks the caller's.
    const add = desk.getByRole('form', { name: lo.addPerson });
    expect(await add.getByLabel(lo.personLanguage).inputValue()).toBe('');
    expect(await add.getByLabel(lo.personLanguage).locator('option:checked').textContent()).toBe(
      lo.sameAsCaller,
    );
    await add.getByLabel(lo.sex, { exact: true }).selectOption('female');
    await add.getByLabel(lo.age, { exact: true }).fill('24');
    await add.getByRole('button', { name: lo.savePerson }).click();
    await desk.getByTestId('person').waitFor();
    const [person] = await db.select().from(people);
    expect(person).toMatchObject({ languages: ['lo'], interpreterNeeded: true });
    // Her consent to share with service providers, recorded as the consent section would.
    await db.insert(consents).values({
      personId: person?.id as string,
      scope: 'share_with_service_providers',
      version: 1,
      granted: true,
      givenBy: 'self',
      method: 'verbal_phone',
    });

    const request = desk.getByRole('form', { name: lo.requestReferral });
    await request.getByLabel(lo.shelter).check();
    const preview = desk.getByTestId('referral-preview');
    expect(await preview.textContent()).toContain(`ພາສາ: ${lo.lao}`);
    expect(await preview.textContent()).toContain(`${lo.interpreterNeeded}: ${lo.yes}`);
    await request.getByRole('button', { name: lo.send }).click();

    const { link } = await partnerLinkSms(system, SHELTER_SMS);
    const phone = await system.browser.newPage({ uiLanguage: 'lo' });
    await phone.goto(link.pathname + link.hash);
    // The shelter reads the language to speak and that an interpreter is needed, not "—".
    await phone.getByTestId('subject-languages').getByText(lo.lao, { exact: true }).waitFor();
    expect(await phone.getByTestId('subject-interpreterNeeded').textContent()).toBe(lo.yes);
    await screenshot(phone, 'partner-ticket-language-lo');
  }, 150_000);
});

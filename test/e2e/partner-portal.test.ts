import { describe, expect, it } from 'vitest';
import { insertCaseWithPerson, insertRule, insertUnit } from '../fixtures/referrals-world';
import { partnerLinkSms, referralDesk, requestAsCounsellor } from './support/referral-desk';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

const PHONE = { width: 390, height: 844 };
const SHELTER_SMS = '+8562055577001';

describe('partner portal from an SMS link', () => {
  const rig = referralDesk();

  it('a shelter accepts and completes on a phone; the counsellor sees each step live', async () => {
    const { system } = rig;
    const unit = await insertUnit(system.stores, {
      kind: 'shelter',
      usesSystem: false,
      smsNumbers: [SHELTER_SMS],
    });
    await insertRule(system.stores, {
      need: 'shelter',
      unitId: unit.id,
      // The person lives in Vientiane Capital, where the demo directory has its own shelter rule.
      provinceCode: 'LA-VT',
    });
    const { caseId, personId } = await insertCaseWithPerson(system.stores, {
      name: 'Canary Vongsa',
    });

    const desk = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`/desk/cases/${caseId}`);
    await desk.getByTestId('referrals').waitFor({ state: 'attached' });

    // Asked for by the demo counsellor, to whom the workers report every step the partner takes.
    await requestAsCounsellor(rig, { caseId, personId, needs: ['shelter'] });
    const { body, link } = await partnerLinkSms(system, SHELTER_SMS);
    expect(body).not.toContain('Canary');

    const phone = await system.browser.newPage({ uiLanguage: 'en' });
    await phone.setViewportSize(PHONE);
    await phone.goto(link.pathname + link.hash);
    const state = phone.getByTestId('ticket-state');
    await state.getByText('Waiting for acknowledgement').waitFor();
    expect(await phone.getByTestId('ticket').textContent()).not.toContain('Canary');
    await screenshot(phone, 'partner-ticket-en');
    await phone.getByRole('button', { name: 'ລາວ' }).click();
    await state.getByText('ລໍຖ້າຮັບຊາບ').waitFor();
    await screenshot(phone, 'partner-ticket-lo');
    await phone.getByRole('button', { name: 'English' }).click();

    await phone.getByRole('button', { name: 'Acknowledge' }).click();
    await state.getByText('Acknowledged').waitFor();
    await phone.getByRole('button', { name: 'Accept' }).click();
    await state.getByText('Accepted').waitFor();
    await desk.getByTestId('ticket-state').getByText('Accepted').waitFor();

    await phone.getByLabel('Service').selectOption('shelter');
    await phone.getByRole('button', { name: 'Record service' }).click();
    await phone
      .getByTestId('services')
      .getByText(/Shelter/)
      .waitFor();

    // In Lao the form offers the catalogue's services for a shelter, in Lao: three escorts to
    // hospital on one day are one entry of three times.
    await phone.getByRole('button', { name: 'ລາວ' }).click();
    const service = phone.getByLabel('ການບໍລິການ');
    const offered = await service.locator('option').allTextContents();
    expect(offered).toEqual(
      expect.arrayContaining(['ການປະຖົມພະຍາບານ', 'ການພາໄປໂຮງໝໍ', 'ການໄປຢ້ຽມຢາມຕິດຕາມ']),
    );
    expect(offered.join(' ')).not.toMatch(/[A-Za-z]/);
    await service.selectOption('hospital_escort');
    await phone.getByLabel('ຈຳນວນຄັ້ງ').fill('3');
    await phone.getByRole('button', { name: 'ບັນທຶກການບໍລິການ' }).click();
    await phone
      .getByTestId('services')
      .getByText(/ການພາໄປໂຮງໝໍ ×3/)
      .waitFor();
    await screenshot(phone, 'partner-service-events-lo');
    await phone.getByRole('button', { name: 'English' }).click();

    await phone.getByRole('button', { name: 'Complete' }).click();
    await phone.getByLabel('Outcome').selectOption('services_provided');
    await phone.getByRole('button', { name: 'Confirm completion' }).click();
    await state.getByText('Completed').waitFor();
    await desk.getByTestId('ticket-state').getByText('Completed').waitFor();
    await screenshot(phone, 'partner-completed-en');
    await phone.getByRole('button', { name: 'ລາວ' }).click();
    await state.getByText('ສຳເລັດແລ້ວ').waitFor();
    await screenshot(phone, 'partner-completed-lo');

    // The link was single-use: opening it again shows no ticket, only the explanation.
    const other = await system.browser.newPage({ uiLanguage: 'en' });
    await other.goto(link.pathname + link.hash);
    await other
      .getByRole('alert')
      .getByText(/expired or was already used/)
      .waitFor();
  });
});

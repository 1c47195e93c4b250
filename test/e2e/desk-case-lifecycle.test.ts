import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/audit';
import { tickets } from '../../db/schema/tickets';
import { insertCaseWithPerson } from '../fixtures/referrals-world';
import { referralDesk, requestAsCounsellor } from './support/referral-desk';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

describe('a case closed, reopened, followed up and a referral withdrawn, on the desk in Lao', () => {
  const rig = referralDesk();

  it('closes with a reason, reopens, completes a follow-up, withdraws a referral', async () => {
    const { system } = rig;
    const { db } = system.stores.database;
    const { caseId, personId } = await insertCaseWithPerson(system.stores, {
      age: 30,
      name: 'Canary Lifecycle',
    });
    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByTestId('current-user').waitFor();
    await desk.goto(`/desk/cases/${caseId}`);
    const status = desk.getByTestId('case-status');
    await status.getByText('ເປີດ', { exact: true }).waitFor();

    // Close with a reason: the status says so and the close form goes away.
    const closeForm = desk.getByRole('form', { name: 'ປິດກໍລະນີ' });
    await closeForm.getByLabel('ເຫດຜົນທີ່ປິດ').selectOption('resolved');
    await closeForm.getByRole('button', { name: 'ປິດກໍລະນີ' }).click();
    await status.getByText('ແກ້ໄຂແລ້ວ', { exact: false }).waitFor();
    expect(await status.textContent()).toBe('ປິດ · ແກ້ໄຂແລ້ວ');
    expect(await desk.getByTestId('close-form').count()).toBe(0);
    await desk.locator('.timeline').getByText('ປ່ຽນສະຖານະ: ປິດ · ແກ້ໄຂແລ້ວ').waitFor();
    await screenshot(desk, 'desk-case-closed-lo');

    // Reopen it with a reason.
    const reopenForm = desk.getByRole('form', { name: 'ເປີດກໍລະນີຄືນ' });
    await reopenForm.getByLabel('ເຫດຜົນທີ່ເປີດຄືນ').selectOption('new_contact');
    await reopenForm.getByRole('button', { name: 'ເປີດກໍລະນີຄືນ' }).click();
    await status.getByText('ກຳລັງດຳເນີນ').waitFor();
    expect(await status.textContent()).not.toContain('ແກ້ໄຂແລ້ວ');
    expect(await desk.getByTestId('reopen-form').count()).toBe(0);
    await desk.locator('.timeline').getByText('ປ່ຽນສະຖານະ: ກຳລັງດຳເນີນ · ມີການຕິດຕໍ່ໃໝ່').waitFor();

    // A follow-up due today (the date field starts at today, day/month/year), for me.
    const addForm = desk.getByRole('form', { name: 'ເພີ່ມວຽກຕິດຕາມ' });
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Vientiane' }).format(
      new Date(),
    );
    expect(await addForm.getByLabel('ວັນຄົບກຳນົດ').inputValue()).toBe(today);
    await addForm.getByLabel('ຕ້ອງເຮັດຫຍັງ').fill('ໂທຫາເອື້ອຍຂອງນາງ');
    await addForm.getByRole('button', { name: 'ເພີ່ມວຽກຕິດຕາມ' }).click();
    await desk
      .getByTestId('case-follow-ups')
      .getByText('ໂທຫາເອື້ອຍຂອງນາງ', { exact: false })
      .waitFor();
    await screenshot(desk, 'desk-case-follow-up-lo');

    // It is on "my follow-ups today" on the desk home, and goes away when done.
    await desk.goto('/desk');
    const mine = desk.getByTestId('my-follow-ups');
    await mine.getByText('ວຽກຕິດຕາມຂອງຂ້ອຍມື້ນີ້').waitFor();
    const item = mine.getByTestId('my-follow-up').filter({ hasText: 'ໂທຫາເອື້ອຍຂອງນາງ' });
    await item.waitFor();
    await screenshot(desk, 'desk-my-follow-ups-lo');
    await item.getByRole('button', { name: 'ແລ້ວ' }).click();
    await mine.getByText('ມື້ນີ້ບໍ່ມີວຽກຕິດຕາມ').waitFor();
    expect(await mine.textContent()).not.toContain('ໂທຫາເອື້ອຍຂອງນາງ');

    // Withdraw a referral with a reason: the desk shows it withdrawn, the partner's ticket too.
    const { referralId } = await requestAsCounsellor(rig, {
      caseId,
      personId,
      needs: ['shelter'],
    });
    await desk.goto(`/desk/cases/${caseId}`);
    const ticketState = desk.getByTestId('ticket-state');
    await ticketState.getByText('ລໍຖ້າຮັບຮູ້').waitFor({ timeout: 20_000 });
    await desk.getByText('ຖອນການສົ່ງຕໍ່', { exact: true }).click();
    const withdraw = desk.getByRole('form', { name: 'ຖອນການສົ່ງຕໍ່' });
    await withdraw.getByLabel('ເຫດຜົນທີ່ຖອນ').selectOption('person_declined');
    await withdraw.getByRole('button', { name: 'ຖອນ ແລະ ແຈ້ງພາກສ່ວນຮ່ວມມື' }).click();
    await ticketState.getByText('ຖອນຄືນ').waitFor();
    expect(await desk.getByText('ຖອນການສົ່ງຕໍ່', { exact: true }).count()).toBe(0);
    // The referral's tag follows its only partner: withdrawn, no longer "sent".
    const tag = desk.getByTestId('referral-status');
    await expect.poll(() => tag.textContent()).toBe('ຖອນຄືນ');
    expect(await tag.textContent()).not.toBe('ສົ່ງແລ້ວ');
    const [ticket] = await db.select().from(tickets).where(eq(tickets.referralId, referralId));
    expect(ticket?.state).toBe('withdrawn');
    await screenshot(desk, 'desk-referral-withdrawn-lo');

    // Closing with an open follow-up asks first; confirming cancels it, audited.
    const addAgain = desk.getByRole('form', { name: 'ເພີ່ມວຽກຕິດຕາມ' });
    await addAgain.getByLabel('ຕ້ອງເຮັດຫຍັງ').fill('ກວດເບິ່ງທີ່ພັກ');
    await addAgain.getByRole('button', { name: 'ເພີ່ມວຽກຕິດຕາມ' }).click();
    await desk.getByTestId('case-follow-ups').getByText('ກວດເບິ່ງທີ່ພັກ', { exact: false }).waitFor();
    const closeAgain = desk.getByRole('form', { name: 'ປິດກໍລະນີ' });
    await closeAgain.getByLabel('ເຫດຜົນທີ່ປິດ').selectOption('declined_services');
    await closeAgain.getByRole('button', { name: 'ປິດກໍລະນີ' }).click();
    const confirm = desk.getByTestId('confirm-cancel-follow-ups');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('1');
    expect(await status.textContent()).not.toContain('ປິດ');
    await screenshot(desk, 'desk-close-confirm-lo');
    await confirm.getByRole('button', { name: 'ປິດ ແລະ ຍົກເລີກວຽກຕິດຕາມ' }).click();
    await status.getByText('ຜູ້ກ່ຽວປະຕິເສດການບໍລິການ', { exact: false }).waitFor();
    expect(await desk.getByTestId('confirm-cancel-follow-ups').count()).toBe(0);
    await desk.locator('.timeline').getByText('ຍົກເລີກວຽກຕິດຕາມ (ປິດກໍລະນີ)').waitFor();
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, caseId))).map(
      (a) => a.action,
    );
    expect(actions).toContain('case.follow_up_cancelled');
    // No raw keys or English on the Lao screen.
    const text = (await desk.locator('main').textContent()) ?? '';
    for (const raw of ['followup.', 'case.status_changed', 'lifecycle.', 'declined_services'])
      expect(text).not.toContain(raw);

    // The same case in English: status, reasons and timeline in the reader's language.
    await desk.getByRole('button', { name: 'English' }).click();
    await desk.locator('html[lang="en"]').waitFor();
    expect(await status.textContent()).toBe('Closed · The person declined services');
    const timeline = desk.locator('.timeline');
    await timeline.getByText('Status changed: Closed · The person declined services').waitFor();
    await timeline.getByText('Status changed: Active · A new contact').waitFor();
    await timeline.getByText('Follow-up cancelled (case closed)').waitFor();
    await timeline.getByText('Referral updated: Withdrawn').waitFor();
    await screenshot(desk, 'desk-case-lifecycle-en');
  }, 150_000);
});

import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

/** The Lao code step: the enrolment secret when one is shown, else the secret kept from before. */
async function enterCode(page: Page, secret: string, epoch?: number) {
  await page.getByLabel('ລະຫັດຢືນຢັນ 6 ຕົວເລກ').fill(generateSync({ secret, epoch }));
  await page.getByRole('button', { name: 'ຢືນຢັນ' }).click();
}

describe('a second factor for every role, in Lao', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    // No exemption: the default every hotline starts with.
    system = await startE2eSystem({ secondFactorExempt: [] });
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it("walks a counsellor's first sign-in through enrolment, then asks only for the code", async () => {
    const page = await system.browser.newPage();
    const login = system.login('counsellor');
    await signIn(page, login);

    // Enrolment in Lao: the reason, the secret and its link; the desk is not open yet.
    await page.getByText('ບັນຊີນີ້ຕ້ອງໃຊ້ການຢືນຢັນສອງຂັ້ນ. ເພີ່ມລະຫັດລັບນີ້ໃສ່ແອັບຢືນຢັນຕົວຕົນຂອງທ່ານ:').waitFor();
    await page.getByRole('link', { name: 'ເປີດໃນແອັບຢືນຢັນຕົວຕົນ' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(await page.getByTestId('current-user').count()).toBe(0);
    const form = page.locator('form');
    expect(await form.textContent()).not.toMatch(/\b(Verify|code|secret|enrol)\b/i);
    await screenshot(page, 'second-factor-enrolment-lo');

    await enterCode(page, secret);
    await page.waitForURL('**/desk');
    await page.getByTestId('current-user').getByText('Counsellor Noy').waitFor();
    expect(await page.getByTestId('totp-secret').count()).toBe(0);

    // The next sign-in shows no secret again: only the code from her app.
    await page.getByRole('button', { name: 'ອອກຈາກລະບົບ' }).click();
    await signIn(page, login);
    await page.getByLabel('ລະຫັດຢືນຢັນ 6 ຕົວເລກ').waitFor();
    expect(await page.getByTestId('totp-secret').count()).toBe(0);
    // A code works once: the next 30-second step's code, which the server accepts as clock drift.
    await enterCode(page, secret, Math.floor(Date.now() / 1000) + 30);
    await page.getByTestId('current-user').getByText('Counsellor Noy').waitFor();
  }, 90_000);

  it('lets an administrator exempt a role with a written reason, in Lao, and require it again', async () => {
    const page = await system.browser.newPage();
    await signIn(page, system.login('admin'));
    await enterCode(page, (await page.getByTestId('totp-secret').textContent()) ?? '');
    await page.getByTestId('current-user').waitFor();
    await page.goto('/admin/users');
    const panel = page.getByTestId('second-factor');
    await panel.getByRole('heading', { name: 'ລະຫັດຢືນຢັນຊັ້ນທີສອງຕາມບົດບາດ' }).waitFor();
    const row = panel.getByRole('row', { name: /ນັກສະຖິຕິ/ });
    expect(await row.textContent()).toContain('ຕ້ອງໃຊ້');

    await row.getByRole('button', { name: 'ຍົກເວັ້ນລະຫັດຢືນຢັນຊັ້ນທີສອງ: ນັກສະຖິຕິ' }).click();
    const dialog = page.getByRole('dialog', { name: 'ຍົກເວັ້ນລະຫັດຢືນຢັນຊັ້ນທີສອງ: ນັກສະຖິຕິ' });
    const reason = 'ຄອມພິວເຕີລາຍງານບໍ່ມີໂທລະສັບໃກ້ໆ ຈົນຮອດເດືອນມີນາ';
    await dialog.getByLabel('ເຫດຜົນ').fill(reason);
    await dialog.getByRole('button', { name: 'ບັນທຶກ' }).click();
    await page.getByRole('status').getByText('ຍົກເວັ້ນແລ້ວ: ນັກສະຖິຕິ ເຂົ້າລະບົບດ້ວຍລະຫັດຜ່ານຢ່າງດຽວ.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await row.getByText(reason).waitFor();
    expect(await row.textContent()).toContain('ຍົກເວັ້ນ');
    expect(await panel.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'second-factor-exemption-lo');

    // The exempted statistician signs in with a password alone.
    const statistician = await system.browser.newPage();
    await signIn(statistician, system.login('statistician'));
    await statistician.getByTestId('current-user').getByText('Statistician Souk').waitFor();
    expect(await statistician.getByTestId('totp-secret').count()).toBe(0);

    await row.getByRole('button', { name: 'ໃຫ້ຕ້ອງໃຊ້ຄືນ' }).click();
    await page
      .getByRole('status')
      .getByText(/^ຕ້ອງໃຊ້ຄືນແລ້ວ: ນັກສະຖິຕິ/)
      .waitFor();
    expect(await row.getByText(reason).count()).toBe(0);
    const again = await system.browser.newPage();
    await signIn(again, system.login('statistician'));
    await again.getByTestId('totp-secret').waitFor();
    expect(await again.getByTestId('current-user').count()).toBe(0);
  }, 120_000);
});

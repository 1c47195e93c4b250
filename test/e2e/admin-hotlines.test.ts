import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshotBoth } from './support/both-languages';
import { screenshot } from './support/screenshots';
import { signIn, signInWithTotp } from './support/sign-in';

const todayInVientiane = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Vientiane' }).format(new Date());

describe('hotline administration', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  // A simulated caller who presses 1 for Lao; the transcript is what Twilio would have done.
  const placeCall = () =>
    system.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['1'] });
  let adminPage: Page | undefined;
  /** The administrator, signed in once: the demo shows the second-factor secret only at enrolment. */
  const asAdmin = async () => {
    if (!adminPage) {
      adminPage = await system.browser.newPage({ uiLanguage: 'en' });
      await signInWithTotp(adminPage, system.login('admin'));
      await adminPage.waitForURL('**/admin');
    }
    return adminPage;
  };
  /** The Users screen in English, and Counsellor Noy's row on it. */
  const noyOnUsersScreen = async () => {
    const page = await asAdmin();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    return { page, noy: page.getByTestId('users').getByRole('row', { name: /Counsellor Noy/ }) };
  };
  const verbs = (call: { transcript: Array<{ verb: string; detail?: string }> }) =>
    call.transcript.map((t) => (t.detail ? `${t.verb}:${t.detail}` : t.verb));

  it(
    'closes a hotline for today and the next call goes to the duty mobile',
    { timeout: 120_000 },
    async () => {
      const before = placeCall();
      await expect
        .poll(() => verbs(before).some((v) => v.startsWith('enqueue')), { timeout: 15_000 })
        .toBe(true);
      system.sim.engine.hangup(before);

      const page = await asAdmin();
      await page.getByRole('link', { name: 'Edit 1362' }).click();
      await page.getByRole('heading', { name: /^1362/ }).waitFor();
      await page.getByLabel('Date').fill(todayInVientiane());
      await page.getByRole('button', { name: 'Add holiday' }).click();
      await screenshot(page, 'admin-hotline-en');
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await screenshot(page, 'admin-hotline-lo');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();

      const after = placeCall();
      await expect.poll(() => verbs(after), { timeout: 15_000 }).toContain('dial:mobile');
      expect(verbs(after).some((v) => v.startsWith('enqueue'))).toBe(false);

      await page.getByRole('link', { name: 'Users' }).click();
      const kham = page.getByTestId('users').getByRole('row', { name: /Counsellor Kham/ });
      await kham.getByRole('button', { name: 'Disable' }).click();
      await page.getByRole('status').getByText('Counsellor Kham disabled').waitFor();
      await kham.getByRole('button', { name: 'Enable again' }).waitFor();
      await screenshot(page, 'admin-users-en');
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await screenshot(page, 'admin-users-lo');
    },
  );

  it(
    "sets a counsellor's calls to ring on her own mobile, showing only its last digits",
    { timeout: 120_000 },
    async () => {
      const { page, noy } = await noyOnUsersScreen();
      await noy.getByText('Browser', { exact: true }).waitFor();
      // Only those who take calls have somewhere calls ring.
      const statistician = page.getByTestId('users').getByRole('row', { name: /Statistician/ });
      expect(await statistician.getByRole('button', { name: /answers calls/ }).count()).toBe(0);

      await noy.getByRole('button', { name: 'Change where Counsellor Noy answers calls' }).click();
      await noy.getByRole('radio', { name: 'Their own mobile' }).check();
      const save = noy.getByRole('button', { name: 'Save' });
      // No number yet: answering on a mobile would ring nowhere.
      expect(await save.isDisabled()).toBe(true);
      await noy.getByLabel('Mobile number').fill('020 5557');
      await noy.getByText('international format, starting with +').waitFor();
      expect(await save.isDisabled()).toBe(true);
      await noy.getByLabel('Mobile number').fill('+856 20 5557 7199');
      await screenshotBoth(page, 'admin-answer-on');
      await save.click();
      await page.getByRole('status').getByText('Saved where Counsellor Noy answers').waitFor();
      await noy.getByText('Mobile ending 199').waitFor();
      expect(await page.textContent('body')).not.toContain('5557');

      // Noy sees the change on her own desk, with the whole number (hers).
      const desk = await system.browser.newPage({ uiLanguage: 'en' });
      await signIn(desk, system.login('counsellor'));
      await desk.getByRole('link', { name: 'Where I answer' }).click();
      const mobile = desk.getByRole('radio', { name: 'On my own mobile' });
      await expect.poll(() => mobile.isEnabled(), { timeout: 20_000 }).toBe(true);
      expect(await mobile.isChecked()).toBe(true);
      expect(await desk.getByLabel('Mobile number').inputValue()).toBe('+8562055577199');

      // Back to the browser softphone, keeping the number: the field left empty.
      await noy.getByRole('button', { name: 'Change where Counsellor Noy answers calls' }).click();
      await noy.getByText('Leave empty to keep the number ending 199').waitFor();
      await noy.getByRole('radio', { name: 'Browser softphone' }).check();
      await noy.getByRole('button', { name: 'Save' }).click();
      await noy.getByText('Browser', { exact: true }).waitFor();
      await desk.reload();
      const browser = desk.getByRole('radio', { name: /In this browser/ });
      await expect.poll(() => browser.isEnabled(), { timeout: 20_000 }).toBe(true);
      expect(await browser.isChecked()).toBe(true);
      expect(await desk.getByLabel('Mobile number').inputValue()).toBe('+8562055577199');
      for (const form of ['55577199', '5557 7199', '020 5557'])
        expect(system.logs.text()).not.toContain(form);
    },
  );

  it(
    'changes how much a counsellor takes at once, in place, and says when it applies',
    { timeout: 120_000 },
    async () => {
      const { page, noy } = await noyOnUsersScreen();
      await noy.getByTestId('capacity-counsellor').getByText('1 call · 3 chats').waitFor();

      await noy
        .getByRole('button', { name: 'Change how much Counsellor Noy takes at once' })
        .click();
      await noy.getByLabel('Chats at once (0 to 10)').fill('2');
      await noy.getByLabel('A call may be offered while she still holds chats').check();
      await screenshotBoth(page, 'admin-capacity');
      await noy.getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('status')
        .getByText(
          'Saved how much Counsellor Noy takes at once. It applies from her next presence change.',
        )
        .waitFor();
      await noy.getByText('1 call · 2 chats · calls beside chats').waitFor();
      // The form is gone: the cell reads its setting again.
      expect(await noy.getByLabel('Chats at once (0 to 10)').count()).toBe(0);
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await page
        .getByRole('status')
        .getByText('ບັນທຶກແລ້ວ: ຈຳນວນວຽກຂອງ Counsellor Noy. ມີຜົນເມື່ອລາວປ່ຽນສະຖານະຄັ້ງຕໍ່ໄປ.')
        .waitFor();
      await screenshot(page, 'admin-capacity-saved-lo');
      await page.getByRole('button', { name: 'English' }).click();
    },
  );
});

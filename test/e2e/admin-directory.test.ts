import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderWav } from '../../src/modules/prompts/placeholder-audio.policy';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInWithTotp } from './support/sign-in';

describe('administration: partners, referral rules, prompts and retention', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  // The demo has one administrator and its second factor is enrolled at the first sign-in, so
  // every test here continues in the same signed-in browser.
  let adminPage: Page | undefined;
  async function signedInAdmin(): Promise<Page> {
    if (adminPage) return adminPage;
    adminPage = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(adminPage, system.login('admin'));
    return adminPage;
  }

  async function bothLanguages(page: Page, name: string, laoHeading: string) {
    await screenshot(page, `${name}-en`);
    await page.getByRole('button', { name: 'ລາວ' }).click();
    await page.getByRole('heading', { name: laoHeading }).first().waitFor();
    await screenshot(page, `${name}-lo`);
    await page.getByRole('button', { name: 'English' }).click();
  }

  it(
    'edits a partner unit, asks which partner would get a child needing shelter, uploads a prompt and sets retention',
    { timeout: 150_000 },
    async () => {
      const page = await signedInAdmin();

      await page.getByRole('link', { name: 'Partners' }).click();
      const units = page.getByTestId('partner-units');
      await units.getByRole('row').nth(1).waitFor();
      await units
        .getByRole('button', { name: 'Edit Counselling and Protection Centre, Vientiane Capital' })
        .click();
      await page.getByLabel('Name (English)').fill('Counselling and Protection Centre (Vientiane)');
      // Provinces, languages and services are pickers with names, never typed codes.
      const editForm = page.locator('form').filter({ hasText: 'Save changes' });
      await editForm.getByRole('group', { name: 'Languages' }).getByLabel('Thai').check();
      expect(
        await editForm.getByRole('group', { name: 'Services' }).getByLabel('Shelter').isChecked(),
      ).toBe(true);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page
        .getByRole('status')
        .getByText('Counselling and Protection Centre (Vientiane) saved')
        .waitFor();
      await units.getByRole('row', { name: /Lao, English, Hmong, Thai/ }).waitFor();
      await bothLanguages(page, 'admin-partners', 'ການຄຸ້ມຄອງ');

      await page.getByRole('link', { name: 'Referral rules' }).click();
      await page.getByTestId('rules').getByRole('row').nth(1).waitFor();
      const tester = page.getByTestId('routing-tester');
      await tester.getByLabel('Age').fill('15');
      await tester.getByRole('button', { name: 'Try' }).click();
      await page
        .getByTestId('routing-result')
        .getByText(/^Shelter → /)
        .waitFor();
      // A child in Savannakhet goes to the Savannakhet unit (the provincial directory's rules).
      await tester.getByLabel('Province').selectOption('LA-SV');
      await tester.getByRole('button', { name: 'Try' }).click();
      await page
        .getByTestId('routing-result')
        .getByText("Shelter → Lao Women's Union, Savannakhet Province")
        .waitFor();
      await bothLanguages(page, 'admin-rules', 'ຄູ່ຮ່ວມງານໃດຈະໄດ້ຮັບການສົ່ງຕໍ່ນີ້?');

      await page.getByRole('link', { name: 'Prompts' }).click();
      // Before going live: which prompts callers would still hear as placeholders, by language.
      const missingLao = page.getByTestId('prompt-readiness').getByTestId('missing-lo');
      await missingLao.getByText(/Welcome/).waitFor();
      const recording = placeholderWav('e2e-welcome');
      await page.getByLabel('Prompt', { exact: true }).selectOption({ label: 'Welcome' });
      await page.getByLabel('Audio file').setInputFiles({
        name: 'welcome-lo.wav',
        mimeType: 'audio/wav',
        buffer: recording,
      });
      await page.getByTestId('prompt-preview').waitFor();
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.getByRole('status').getByText('Uploaded.').waitFor();
      await page
        .getByTestId('prompts')
        .getByRole('row', { name: /Welcome/ })
        .waitFor();
      // Recorded: gone from the go-live list.
      await expect.poll(() => missingLao.textContent()).not.toMatch(/Welcome/);
      expect(await missingLao.textContent()).toContain('Goodbye');
      const served = await page.request.get('/webhooks/twilio/prompts/1362/lo/welcome.wav?v=new');
      expect(Buffer.from(await served.body()).equals(recording)).toBe(true);
      await bothLanguages(page, 'admin-prompts', 'ອັບໂຫຼດສຽງປະກາດ');
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await page
        .getByTestId('prompts')
        .getByRole('row', { name: /ຍິນດີຕ້ອນຮັບ/ })
        .waitFor();
      expect(await page.getByTestId('prompt-readiness').textContent()).toContain('ລາກ່ອນ');
      expect(await page.getByTestId('prompts').textContent()).not.toContain('welcome');
      await page.getByRole('button', { name: 'English' }).click();

      await page.getByRole('link', { name: 'Retention' }).click();
      const cases = page.getByTestId('retention').getByRole('row', { name: /^Cases/ });
      const forever = cases.getByLabel('Forever');
      if (await forever.isChecked()) await forever.uncheck();
      await cases.getByLabel('Days for Cases').fill('3650');
      await cases.getByRole('button', { name: 'Save Cases' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();
      await bothLanguages(page, 'admin-retention', 'ການຄຸ້ມຄອງ');
    },
  );
  it(
    'adds a partner unit, sees it in the list, routes to it from a rule and the tester, and deactivates it',
    { timeout: 150_000 },
    async () => {
      const page = await signedInAdmin();
      await page.getByRole('link', { name: 'Partners' }).click();
      await page.getByTestId('partner-units').getByRole('row').nth(1).waitFor();

      await page.getByRole('button', { name: 'Add a partner unit' }).click();
      const form = page.getByTestId('unit-create');
      // The browser refuses what the API would, and says which fields in words.
      await form.getByRole('button', { name: 'Add unit' }).click();
      await form
        .getByRole('alert')
        .getByText('Please check: Organisation, Name (Lao), Name (English)')
        .waitFor();

      await form
        .getByLabel('Organisation')
        .selectOption({ label: "Provincial Lao Women's Union offices" });
      await form.getByLabel('Name (Lao)').fill('ບ້ານພັກເຊົາ ໄຊສົມບູນ');
      await form.getByLabel('Name (English)').fill('Xaisomboun safe house');
      const services = form.getByRole('group', { name: 'Services' });
      await services.getByLabel('Shelter').check();
      await services.getByLabel('Follow-up').check();
      await form.getByLabel('Xaisomboun').check();
      await form.getByLabel('Hmong').check();
      await form.getByLabel('Female', { exact: true }).check();
      await form.getByLabel('Oldest age').fill('17');
      await form.getByLabel('SMS numbers').fill('020 5551 2345');
      await form.getByRole('button', { name: 'Add unit' }).click();
      await form.getByRole('alert').getByText('Please check: SMS numbers').waitFor();
      await form.getByLabel('Open around the clock').uncheck();
      await form.getByRole('button', { name: 'Open 24 hours Monday' }).click();
      await form.getByLabel('Webhook address (https)').fill('https://safehouse.example.la/hook');
      await form.getByLabel('Webhook secret (optional)').fill('s'.repeat(40));
      await form.getByLabel('SMS numbers').fill('+8562055512345');
      await expect(form.getByTestId('unit-create-fields').count()).resolves.toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await bothLanguages(page, 'admin-partner-new', 'ເພີ່ມໜ່ວຍງານຄູ່ຮ່ວມງານ');
      await form.getByRole('button', { name: 'Add unit' }).click();
      await page.getByRole('status').getByText('Xaisomboun safe house added').waitFor();
      await page
        .getByTestId('partner-units')
        .getByRole('row', { name: /Xaisomboun safe house/ })
        .waitFor();

      await page.getByRole('link', { name: 'Referral rules' }).click();
      await page.getByTestId('rules').getByRole('row').nth(1).waitFor();
      const ruleForm = page
        .locator('form')
        .filter({ has: page.getByRole('heading', { name: 'Add rule' }) });
      await ruleForm.getByLabel('Need', { exact: true }).selectOption('shelter');
      await ruleForm.getByLabel('Province', { exact: true }).selectOption('LA-XS');
      await ruleForm.getByLabel('Age group').selectOption('child');
      await ruleForm
        .getByLabel('Unit', { exact: true })
        .selectOption({ label: 'Xaisomboun safe house' });
      await ruleForm.getByRole('button', { name: 'Add rule', exact: true }).click();
      await page.getByRole('status').getByText('Rule saved.').waitFor();
      const tester = page.getByTestId('routing-tester');
      await tester.getByLabel('Age').fill('15');
      await tester.getByLabel('Province').selectOption('LA-XS');
      await tester.getByRole('button', { name: 'Try' }).click();
      await page
        .getByTestId('routing-result')
        .getByText('Shelter → Xaisomboun safe house')
        .waitFor();

      await page.getByRole('link', { name: 'Partners' }).click();
      await page.getByRole('button', { name: 'Deactivate Xaisomboun safe house' }).click();
      await page
        .getByRole('status')
        .getByText('Xaisomboun safe house no longer receives referrals.')
        .waitFor();
      await page.getByRole('link', { name: 'Referral rules' }).click();
      await page.getByTestId('rules').getByRole('row').nth(1).waitFor();
      await tester.getByLabel('Age').fill('15');
      await tester.getByLabel('Province').selectOption('LA-XS');
      await tester.getByRole('button', { name: 'Try' }).click();
      await page.getByTestId('routing-result').waitFor();
      expect(await page.getByTestId('routing-result').innerText()).not.toContain(
        'Xaisomboun safe house',
      );
    },
  );
});

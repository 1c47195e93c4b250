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
      const page = await system.browser.newPage({ uiLanguage: 'en' });
      await signInWithTotp(page, system.login('admin'));

      await page.getByRole('link', { name: 'Partners' }).click();
      const units = page.getByTestId('partner-units');
      await units.getByRole('row').nth(1).waitFor();
      await units
        .getByRole('button', { name: 'Edit Counselling and Protection Centre, Vientiane Capital' })
        .click();
      await page.getByLabel('Name (English)').fill('Counselling and Protection Centre (Vientiane)');
      await page.getByLabel('Languages').fill('lo, en, hmn, th');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page
        .getByRole('status')
        .getByText('Counselling and Protection Centre (Vientiane) saved')
        .waitFor();
      await units.getByRole('row', { name: /lo, en, hmn, th/ }).waitFor();
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
      await bothLanguages(page, 'admin-rules', 'ຄູ່ຮ່ວມງານໃດຈະໄດ້ຮັບການສົ່ງຕໍ່ນີ້?');

      await page.getByRole('link', { name: 'Prompts' }).click();
      const recording = placeholderWav('e2e-welcome');
      await page.getByLabel('Prompt', { exact: true }).selectOption('welcome');
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
        .getByRole('row', { name: /welcome/ })
        .waitFor();
      const served = await page.request.get('/webhooks/twilio/prompts/1362/lo/welcome.wav?v=new');
      expect(Buffer.from(await served.body()).equals(recording)).toBe(true);
      await bothLanguages(page, 'admin-prompts', 'ອັບໂຫຼດສຽງປະກາດ');

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
});

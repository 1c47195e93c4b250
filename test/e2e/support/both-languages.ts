import type { Page } from 'playwright-core';
import { screenshot } from './screenshots';

/** Screenshots the current screen in English and in Lao, then returns to English. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-en`);
  await page.getByRole('button', { name: 'ລາວ' }).click();
  await page.locator('html[lang="lo"]').waitFor();
  await screenshot(page, `${name}-lo`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('html[lang="en"]').waitFor();
}

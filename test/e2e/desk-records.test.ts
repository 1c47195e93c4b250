import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshotBoth } from './support/both-languages';
import { signIn } from './support/sign-in';
import { contactDrafts } from '../../db/schema/drafts';

/** Everything the page's origin keeps in the browser: storage keys and values, IndexedDB names. */
async function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const local = Object.entries(localStorage).map(
      ([k, v]) => `${k}${k === 'saiduan.ui-language' ? '' : `=${v}`}`,
    );
    const session = Object.entries(sessionStorage).map(([k, v]) => `${k}=${v}`);
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    return [`localStorage:${local.join(',')}`, session.join(','), databases.join(',')].join('|');
  });
}

async function expectRestored(page: Page) {
  const form = page.getByTestId('contact-form');
  await expect
    .poll(() => form.getByLabel('Summary of the conversation').inputValue(), { timeout: 15_000 })
    .toBe('Sister held at a factory across the border.');
  expect(await form.getByLabel('Caller name (if given)').inputValue()).toBe('Nang Test');
  expect(await form.getByLabel('Safe time to call back').inputValue()).toBe('after 18:00');
  expect(await form.getByLabel('No SMS').isChecked()).toBe(true);
}

describe('the counsellor records a walk-in, opens a case and asks for a shelter', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('keeps a half-filled form across a reload, then saves it into a new case', async () => {
    const counsellor = system.login('counsellor');
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(page, counsellor);
    await page.getByTestId('presence-state').waitFor();
    await page.getByRole('link', { name: 'Record an offline contact' }).click();

    const form = page.getByTestId('contact-form');
    await form.getByLabel('Caller name (if given)').fill('Nang Test');
    await form.getByLabel('Safe time to call back').fill('after 18:00');
    await form.getByLabel('No SMS').check();
    await form
      .getByLabel('Summary of the conversation')
      .fill('Sister held at a factory across the border.');
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toBe('Draft saved');
    // The draft is on the server, encrypted; the browser's storage holds none of it.
    expect(await storedText(page)).not.toContain('Sister held');

    await page.reload();
    await expectRestored(page);
    await screenshotBoth(page, 'offline-contact');

    // Another desk (a fresh browser) finds the same draft: it came from the server.
    const other = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(other, counsellor);
    await other.getByRole('link', { name: 'Record an offline contact' }).click();
    await expectRestored(other);
    // Signing out leaves nothing of it in that browser.
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.locator('input[name="username"]').waitFor();
    // (The interface language is the computer's preference, kept without a value here.)
    await expect
      .poll(() => storedText(other))
      .toMatch(/^localStorage:(saiduan\.ui-language)?\|\|$/);

    await form.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { name: /^Case SD-/ }).waitFor();
    // Saved as a contact: the draft is gone from the server.
    await expect
      .poll(async () => (await system.stores.database.db.select().from(contactDrafts)).length)
      .toBe(0);

    await page.getByLabel('Name (if known)').fill('Nang Test');
    await page.getByLabel('Sex', { exact: true }).selectOption('female');
    await page.getByLabel('Age', { exact: true }).fill('16');
    await page.getByRole('button', { name: 'Save person' }).click();
    await page.getByTestId('person').waitFor();
    await screenshotBoth(page, 'case');
  }, 90_000);
});

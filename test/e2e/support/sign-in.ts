import type { Page } from 'playwright-core';

/** Fills the login form (in either language) with the keyboard only, as a counsellor would. */
export async function signIn(page: Page, login: { username: string; password: string }) {
  await page.goto('/');
  const username = page.locator('input[name="username"]');
  await username.fill(login.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(login.password);
  await page.keyboard.press('Enter');
}

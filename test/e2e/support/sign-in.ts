import { generateSync } from 'otplib';
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

/**
 * Signs in a user whose role needs a second factor (supervisor, administrator, partner): the demo
 * system shows the enrolment secret on first sign-in, so the code is computed from it.
 */
export async function signInWithTotp(page: Page, login: { username: string; password: string }) {
  await signIn(page, login);
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  await page.getByLabel('6-digit verification code').fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * Signs in on the login screen in whichever language it shows; a role that needs a second factor
 * enrols it from the secret the demo shows (partners, administrators), others go straight in.
 */
export async function signInEnrolling(page: Page, login: { username: string; password: string }) {
  await signIn(page, login);
  const secret = page.getByTestId('totp-secret');
  const signedIn = page.getByTestId('current-user');
  await Promise.race([secret.waitFor(), signedIn.waitFor()]);
  if (await secret.isVisible()) {
    await page
      .locator('input[name="totp"]')
      .fill(generateSync({ secret: (await secret.textContent()) ?? '' }));
    await page.keyboard.press('Enter');
  }
  await signedIn.waitFor();
}

/** Signs in with the second factor (English screens), then switches the interface to Lao. */
export async function signInThenSwitchToLao(
  page: Page,
  login: { username: string; password: string },
) {
  await signInWithTotp(page, login);
  await page.getByRole('button', { name: 'ລາວ' }).click();
  await page.locator('html[lang="lo"]').waitFor();
}

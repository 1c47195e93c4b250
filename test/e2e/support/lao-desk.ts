import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TE2eSystem } from './e2e-system';
import { signIn } from './sign-in';

/** "Available", as the Lao desk's presence button and state read. */
export const LAO_AVAILABLE = 'ພ້ອມຮັບສາຍ';

/** A counsellor's desk in Lao, signed in, on a screen tall enough for the chat panel. */
export async function openLaoDesk(system: TE2eSystem, username: string): Promise<Page> {
  const page = await system.browser.newPage({ uiLanguage: 'lo' });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signIn(page, system.login(username));
  await page.getByTestId('presence-state').waitFor();
  return page;
}

/** She presses "available" and the desk says so. */
export async function goAvailable(page: Page): Promise<void> {
  await page.getByRole('button', { name: LAO_AVAILABLE, exact: true }).click();
  await expect.poll(() => page.getByTestId('presence-state').textContent()).toBe(LAO_AVAILABLE);
}

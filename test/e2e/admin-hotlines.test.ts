import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCallSid, postSigned } from '../fixtures/telephony.fixture';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { signIn } from './support/sign-in';

const todayInVientiane = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Vientiane' }).format(new Date());

describe('hotline administration', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  const placeCall = () =>
    postSigned(system.app, {
      path: '/webhooks/twilio/voice/incoming?hotline=1362',
      params: {
        CallSid: newCallSid(),
        From: '+8562055512345',
        To: '+85621136200',
        CallStatus: 'ringing',
      },
      token: system.stores.config.TWILIO_AUTH_TOKEN,
      baseUrl: system.stores.config.PUBLIC_BASE_URL,
    });

  async function signInAsAdmin(page: Page) {
    await signIn(page, system.login('admin'));
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel('6-digit verification code').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByTestId('current-user').waitFor();
  }

  it('closes a hotline for today and the next call goes to the duty mobile', async () => {
    const before = await placeCall();
    expect(before.body).toContain('<Gather');

    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signInAsAdmin(page);
    await page.waitForURL('**/admin');
    await page.getByRole('link', { name: 'Edit 1362' }).click();
    await page.getByRole('heading', { name: /^1362/ }).waitFor();
    await page.getByLabel('Date').fill(todayInVientiane());
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.screenshot({ path: 'docs/screenshots/admin-hotline.png', fullPage: true });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    const after = await placeCall();
    expect(after.body).not.toContain('<Gather');
    expect(after.body).toContain('<Dial');
    expect(after.body).toContain('+8562055501362');
  });
});

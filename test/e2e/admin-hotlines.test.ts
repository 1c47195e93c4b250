import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInWithTotp } from './support/sign-in';

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

      const page = await system.browser.newPage({ uiLanguage: 'en' });
      await signInWithTotp(page, system.login('admin'));
      await page.waitForURL('**/admin');
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
});

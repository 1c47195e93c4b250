import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

// The wall must follow the floor within a second of the event, not on the next poll.
const LIVE = { timeout: 1_000 };

describe('supervisor wallboard', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  async function signInWithTotp(page: Page, username: string) {
    await signIn(page, system.login(username));
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel('6-digit verification code').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByTestId('current-user').waitFor();
  }

  it('follows a simulated caller and a counsellor live, rejected offer included', async () => {
    const board = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(board, 'supervisor');
    await board.waitForURL('**/wallboard');
    await board.getByRole('heading', { name: 'Live wallboard' }).waitFor();

    const call = system.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['1'] });
    await expect.poll(() => call.queueSid, { timeout: 15_000 }).not.toBeNull();
    const tile = board.getByTestId('queue-1362');
    await tile.getByTestId('waiting').getByText('1', { exact: true }).waitFor(LIVE);
    await tile.getByTestId('language-lo').waitFor(LIVE);

    const desk = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByRole('button', { name: 'Available' }).click();
    await board.getByTestId('state-available').getByText('Counsellor Noy').waitFor(LIVE);
    await desk.getByTestId('offer').getByRole('button', { name: 'Reject' }).click();
    await board
      .getByTestId('offers-missed')
      .getByText(/Rejected 1\b/)
      .waitFor(LIVE);
    await screenshot(board, 'wallboard-en');
    await board.getByRole('button', { name: 'ລາວ' }).click();
    await board.getByRole('heading', { name: 'ກະດານຕິດຕາມສົດ' }).waitFor();
    await screenshot(board, 'wallboard-lo');

    system.sim.engine.hangup(call);
    await tile.getByTestId('waiting').getByText('0', { exact: true }).waitFor(LIVE);
  });
});

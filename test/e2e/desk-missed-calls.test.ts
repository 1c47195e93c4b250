import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn, signInWithTotp } from './support/sign-in';

// The Lao words the counsellor and the supervisor read (desk.strings.ts, wallboard.strings.ts).
const lo = {
  goAvailable: 'ພ້ອມຮັບສາຍ',
  accept: 'ຮັບສາຍ',
  awayMissedCalls: 'ບໍ່ຢູ່ · ສາຍທີ່ພາດ',
  noticeTitle: 'ທ່ານຖືກຕັ້ງເປັນ “ບໍ່ຢູ່”: ສາຍທີ່ພາດ',
  noticeBody: 'ສາຍເຂົ້າ 2 ສາຍຕິດຕໍ່ກັນດັງຈົນໝົດເວລາ',
  missedCalls: 'ສາຍທີ່ພາດ',
  wallboard: 'ກະດານຕິດຕາມສົດ',
  onCall: 'ກຳລັງລົມສາຍ',
};
const offerId = (page: Page) => page.getByTestId('offer').getAttribute('data-offer-id');

describe('a counsellor who lets calls ring out', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    // Short offers so two can ring out; the limit of two in a row is the default.
    system = await startE2eSystem({ env: { ROUTING_OFFER_TIMEOUT_MS: '5000' } });
  }, 180_000);
  afterAll(async () => system?.stop());

  it('is offered the call again only as the one left, then set away for missed calls and told', async () => {
    const board = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(board, system.login('supervisor'));
    await board.getByRole('button', { name: 'ລາວ' }).click();
    await board.getByRole('heading', { name: lo.wallboard }).waitFor();

    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(desk, system.login('counsellor'));
    await desk.getByRole('button', { name: lo.goAvailable, exact: true }).click();

    const call = system.sim.placeCall({ hotline: '1554', from: '+8562055512101', digits: ['1'] });
    await desk.getByTestId('offer').waitFor({ timeout: 20_000 });
    const first = await offerId(desk);
    // Nobody else is free: once it rings out she is offered the same caller again, as a new offer.
    const shown = async () =>
      (await desk.getByTestId('offer').count()) ? await offerId(desk) : null;
    await expect
      .poll(shown, { timeout: 20_000, interval: 100 })
      .toSatisfy((id) => id !== null && id !== first);

    // The second time-out in a row: away for missed calls, told on her desk, no banner left.
    const notice = desk.getByTestId('missed-calls');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.getByRole('heading').textContent()).toBe(lo.noticeTitle);
    expect(await notice.textContent()).toContain(lo.noticeBody);
    expect(await desk.getByTestId('presence-state').textContent()).toBe(lo.awayMissedCalls);
    expect(await desk.getByTestId('offer').count()).toBe(0);
    await screenshot(desk, 'missed-calls-lo');

    // The supervisor's wall says why she is away, in Lao.
    await board
      .getByTestId('state-away')
      .getByTestId('away-reason')
      .getByText(lo.missedCalls, { exact: true })
      .waitFor({ timeout: 10_000 });
    await screenshot(board, 'wallboard-missed-calls-lo');

    // Back at her desk: the notice goes and the caller, still waiting, is hers to take.
    await notice.getByRole('button', { name: lo.goAvailable, exact: true }).click();
    await desk.getByTestId('offer').waitFor({ timeout: 20_000 });
    expect(await notice.count()).toBe(0);
    await desk.getByRole('button', { name: lo.accept, exact: true }).click();
    await expect
      .poll(() => desk.getByTestId('presence-state').textContent(), { timeout: 15_000 })
      .toBe(lo.onCall);
    expect(await notice.count()).toBe(0);
    system.sim.engine.hangup(call);
  }, 150_000);
});

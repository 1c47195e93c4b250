import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';

// The Lao desk's words (desk.strings.ts): the counsellor works in Lao.
const lo = {
  goAvailable: 'ພ້ອມຮັບສາຍ',
  accept: 'ຮັບສາຍ',
  reject: 'ປະຕິເສດ',
  callEnded: 'ວາງສາຍແລ້ວ',
  endWrapUp: 'ສຳເລັດ, ພ້ອມຮັບສາຍຕໍ່',
  summary: 'ສະຫຼຸບການລົມ',
  draftSaved: 'ບັນທຶກຮ່າງແລ້ວ',
  offered: 'ມີສາຍເຂົ້າ',
  available: 'ພ້ອມຮັບສາຍ',
};

const offerBanners = (page: Page) => page.getByTestId('offer').count();

describe('the incoming-call banner goes once the offer is settled', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('disappears on Accept and stays gone through the contact form and the hang-up', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(page, system.login('counsellor'));
    await page.getByRole('button', { name: lo.goAvailable, exact: true }).click();
    await expect.poll(() => page.getByTestId('presence-state').textContent()).toBe(lo.available);

    const call = system.sim.placeCall({ hotline: '1362', from: '+8562055512001', digits: ['1'] });
    await page.getByTestId('offer').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: lo.accept, exact: true }).click();
    await page.getByTestId('call-panel').waitFor();
    // The banner goes at once: no second Accept to press, no countdown over the form.
    await expect.poll(() => offerBanners(page)).toBe(0);
    expect(await page.getByRole('button', { name: lo.accept, exact: true }).count()).toBe(0);

    const form = page.getByTestId('contact-form');
    await form.getByLabel(lo.summary).fill('ຜູ້ໂທຖືກກັກໄວ້ໃນຫໍພັກ.');
    await expect
      .poll(() => page.getByTestId('draft-status').textContent(), { timeout: 20_000 })
      .toBe(lo.draftSaved);
    expect(await offerBanners(page)).toBe(0);
    await screenshot(page, 'offer-gone-after-accept-lo');

    // The caller hangs up: the call ends, and no offer comes back with it.
    system.sim.engine.hangup(call);
    await page.getByTestId('call-panel').getByRole('heading', { name: lo.callEnded }).waitFor();
    expect(await offerBanners(page)).toBe(0);
    expect(await form.getByLabel(lo.summary).inputValue()).toBe('ຜູ້ໂທຖືກກັກໄວ້ໃນຫໍພັກ.');
  }, 120_000);

  it('disappears when the caller hangs up while it rings, and on Reject', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'lo' });
    await signIn(page, system.login('counsellor2'));
    await page.getByRole('button', { name: lo.goAvailable, exact: true }).click();
    await expect.poll(() => page.getByTestId('presence-state').textContent()).toBe(lo.available);

    const leaving = system.sim.placeCall({
      hotline: '1512',
      from: '+8562055512002',
      digits: ['1'],
    });
    await page.getByTestId('offer').waitFor({ timeout: 20_000 });
    system.sim.engine.hangup(leaving);
    await expect.poll(() => offerBanners(page), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('presence-state').textContent()).toBe(lo.available);

    system.sim.placeCall({ hotline: '1512', from: '+8562055512003', digits: ['1'] });
    const banner = page.getByTestId('offer');
    await banner.waitFor({ timeout: 20_000 });
    const rejected = await banner.getAttribute('data-offer-id');
    await page.getByRole('button', { name: lo.reject, exact: true }).click();
    // Nobody else is on 1512, so the caller rings here again: as a new offer, never as the
    // banner that was just answered.
    await expect
      .poll(() => page.locator(`[data-offer-id="${rejected}"]`).count(), { timeout: 15_000 })
      .toBe(0);
  }, 120_000);
});

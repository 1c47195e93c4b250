import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingLineUrls } from '../../src/modules/voice/recording-line/recording-line.twiml';
import { heard } from '../fixtures/simulator.fixture';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInThenSwitchToLao } from './support/sign-in';
import { findLeaks, visibleTexts } from './support/visible-text';

const LINE = '+85621000999';

/*
 * The recording line's screen, in Lao: the administrator adds the line's number for a hotline,
 * makes up her PIN (shown once: gone on reload, and never readable again), sees which prompts are
 * still placeholders per hotline and language; then a call to the line with that PIN is let in.
 */
describe('the recording line’s administration screen', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it('shows a new PIN once, and the line accepts it', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signInThenSwitchToLao(page, system.login('admin'));
    await page.goto('/admin/recording');
    await page.getByRole('heading', { name: 'ເບີໂທບັນທຶກສຽງປະກາດ' }).waitFor();

    const lines = page.getByTestId('recording-lines');
    await lines.getByText('ຍັງບໍ່ມີເບີບັນທຶກສຽງ.').waitFor();
    await lines.getByLabel('ເບີໂທ').fill(LINE);
    await lines.getByLabel('ສາຍດ່ວນ').selectOption('1362');
    await lines.getByRole('button', { name: 'ເພີ່ມເບີບັນທຶກສຽງ' }).click();
    const line = lines.getByTestId('recording-line');
    await line.getByText(LINE).waitFor();
    expect(await line.textContent()).toContain('1362');
    await lines.getByText('ຍັງບໍ່ມີເບີບັນທຶກສຽງ.').waitFor({ state: 'detached' });

    // Her own row: no PIN yet. She asks for one: it is shown once.
    const mine = page.getByTestId('recorder').filter({ hasText: 'Administrator Keo' });
    await mine.getByTestId('pin-state').getByText('ຍັງບໍ່ມີລະຫັດ PIN').waitFor();
    await mine.getByRole('button', { name: 'ຕັ້ງລະຫັດ PIN' }).click();
    const shown = page.getByTestId('new-pin');
    await shown.waitFor();
    const pin = (await shown.locator('output').textContent())?.trim() ?? '';
    expect(pin).toMatch(/^\d{8}$/);
    expect(await shown.textContent()).toContain('ມັນຈະບໍ່ສະແດງອີກ');
    await mine
      .getByTestId('pin-state')
      .getByText(/^ຕັ້ງເມື່ອ /)
      .waitFor();
    await mine.getByRole('button', { name: 'ຕັ້ງລະຫັດ PIN ໃໝ່' }).waitFor();

    // Placeholders per hotline and language: 1362 offers seven languages, each still to record.
    const placeholders = page.getByTestId('placeholders-1362');
    await placeholders.locator('summary').click();
    const lao = placeholders.getByTestId('placeholders-1362-lo');
    await lao.getByText(/ລາກ່ອນ/).waitFor();
    expect(await placeholders.getByTestId('placeholders-1362-hmn').count()).toBe(1);
    await screenshot(page, 'admin-recording-line-lo');
    const names = ['Administrator Keo', LINE];
    expect(findLeaks(await visibleTexts(page), names)).toEqual([]);

    // Reloaded: the PIN is nowhere on the screen, only that one was set.
    await page.reload();
    await mine
      .getByTestId('pin-state')
      .getByText(/^ຕັ້ງເມື່ອ /)
      .waitFor();
    expect(await page.getByTestId('new-pin').count()).toBe(0);
    expect(await page.textContent('body')).not.toContain(pin);
    // Nor can the API read it back.
    const recorders = await page.request.get('/api/staff/recording-pins');
    expect(await recorders.text()).not.toContain(pin);
    await screenshot(page, 'admin-recording-line-reloaded-lo');

    // A call to the line through the simulator, keying that PIN: let in, asked to record.
    const call = system.sim.callNumber({
      from: '+8562055577777',
      to: LINE,
      voiceUrl: recordingLineUrls(system.baseURL).entry,
      digits: [pin],
      recordings: [],
    });
    await expect
      .poll(() => heard(call, 'say').map((s) => s.detail ?? ''), { timeout: 30_000 })
      .toContainEqual(expect.stringContaining('Hotline 1 3 6 2. Prompt:'));
    expect(heard(call, 'say').map((s) => s.detail)).not.toContainEqual(
      expect.stringContaining('not accepted'),
    );
    system.sim.engine.hangup(call);
  }, 120_000);
});

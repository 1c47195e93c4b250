import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInWithTotp } from './support/sign-in';

// Chromium's fake microphone (a beep) and an automatic "allow" stand in for the administrator's.
const FAKE_MICROPHONE = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

describe('recording a prompt in the browser', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem({ browserArgs: FAKE_MICROPHONE });
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it('records, listens back, keeps a version and approves it; the next call plays it', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(page, system.login('admin'));
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Prompts' }).click();
    await page.getByLabel('Prompt', { exact: true }).selectOption({ label: 'Goodbye' });
    const served = async () =>
      Buffer.from(
        await (await page.request.get('/webhooks/twilio/prompts/1362/lo/goodbye.wav?v=x')).body(),
      );
    const placeholder = await served();

    const recorder = page.getByTestId('prompt-recorder');
    await recorder.getByRole('button', { name: 'Start recording' }).click();
    await recorder.getByRole('status').getByText('Recording…').waitFor();
    await page.waitForTimeout(1500);
    await recorder.getByRole('button', { name: 'Stop' }).click();
    await recorder.getByTestId('recorded-take').waitFor();
    // Listened back; not liked: record again, the first take goes.
    await recorder.getByRole('button', { name: 'Record again' }).click();
    await page.waitForTimeout(1200);
    await recorder.getByRole('button', { name: 'Stop' }).click();
    await recorder.getByTestId('recorded-take').waitFor();
    await recorder.getByRole('button', { name: 'Keep this version' }).click();
    const version = recorder.getByTestId('version-1');
    await version.getByRole('button', { name: 'Approve' }).waitFor();
    await recorder.getByTestId('recorded-take').waitFor({ state: 'detached' });
    // A draft: callers still hear the placeholder.
    expect((await served()).equals(placeholder)).toBe(true);

    await page.getByRole('button', { name: 'ລາວ' }).click();
    await recorder.getByRole('button', { name: 'ອະນຸມັດ' }).click();
    await version.getByText('ຜູ້ໂທໄດ້ຍິນສະບັບນີ້').waitFor();
    await screenshot(page, 'admin-prompt-recording-lo');
    await page.getByRole('button', { name: 'English' }).click();

    // Callers now hear the approved take: telephone WAV, the bytes of version 1.
    const approved = Buffer.from(
      await (
        await page.request.get('/api/staff/hotlines/1362/prompts/lo/goodbye/versions/1/audio')
      ).body(),
    );
    const now = await served();
    expect(now.equals(approved)).toBe(true);
    expect(now.equals(placeholder)).toBe(false);
    expect(now.readUInt32LE(24)).toBe(8000);
    // Gone from the go-live list.
    expect(await page.getByTestId('missing-lo').textContent()).not.toContain('Goodbye');
  }, 120_000);
});

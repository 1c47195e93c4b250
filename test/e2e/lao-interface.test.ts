import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laoGlyphReport } from './support/lao-glyphs';
import { screenshot } from './support/screenshots';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';

describe('the interface is Lao first and draws real Lao glyphs', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('opens in Lao with the shipped Noto Sans Lao, not tofu boxes', async () => {
    const page = await system.browser.newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('lo');
    await page.getByRole('heading', { name: 'ເຂົ້າສູ່ລະບົບ' }).waitFor();

    const report = await laoGlyphReport(page, '#login-title');
    await screenshot(page, 'login-lo');
    expect(report.laoFacesLoadedByPage).toBeGreaterThan(0);
    expect(report.elementFontFamily).toMatch(/^"?Noto Sans Lao/);
    // This machine has no Lao font of its own: every letter falls back to a same-sized box…
    expect(report.distinctFallbackWidths).toBe(1);
    // …while the shipped font draws each letter its own way, with its own width.
    expect(report.lettersDrawnDifferently).toBe(4);
    expect(report.distinctShippedWidths).toBeGreaterThan(1);
    expect(Math.abs(report.shippedWidth - report.fallbackWidth)).toBeGreaterThan(1);
  }, 90_000);

  it('switches to English and remembers the choice across a reload', async () => {
    const page = await system.browser.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'login-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  }, 90_000);
});

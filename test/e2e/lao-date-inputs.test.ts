import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInThenSwitchToLao } from './support/sign-in';

const BAD = 'ວັນທີບໍ່ຖືກຕ້ອງ: ພິມເປັນ ວັນ/ເດືອນ/ປີ';
const HINT = 'ວັນ/ເດືອນ/ປີ, ເຊັ່ນ 05/12/2026';

describe('dates on the block list, audit and reports screens are typed the Lao way', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it('blocks a number until a day typed as day/month/year', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signInThenSwitchToLao(page, system.login('admin'));
    await page.goto('/admin/blocklist');
    const until = page.getByLabel('ບລັອກຈົນຮອດ');
    await until.waitFor();
    // No browser date picker (US month/day order on many machines) anywhere on the screen.
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await page.getByText(`ປ່ອຍຫວ່າງໄວ້ = ຈົນກວ່າຈະຍົກເລີກ · ${HINT}`).waitFor();
    await page.getByLabel('ເບີໂທ').fill('+8562077712399');
    await until.fill('31/02/2030');
    await page.getByRole('alert').getByText(BAD).waitFor();
    await screenshot(page, 'lao-date-blocklist-bad-lo');
    await until.fill('31/12/2030');
    expect(await page.getByRole('alert').getByText(BAD).count()).toBe(0);
    const sent = page.waitForRequest(
      (r) => r.url().endsWith('/api/staff/blocklist') && r.method() === 'POST',
    );
    await page.getByRole('button', { name: 'ບລັອກເບີນີ້' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ expiresAt: '2030-12-31T00:00:00+07:00' });
    const row = page.getByTestId('blocklist').getByRole('row', { name: /…399/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('2030');
    expect(await row.textContent()).not.toContain('12/31/2030');
    await screenshot(page, 'lao-date-blocklist-lo');
  }, 120_000);

  it('searches the audit log and runs a custom-period report from Lao dates', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signInThenSwitchToLao(page, system.login('supervisor'));
    await page.goto('/supervisor/audit');
    const from = page.getByLabel('ແຕ່ວັນທີ');
    await from.waitFor();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await from.fill('01/12/2026');
    await page.getByLabel('ຫາວັນທີ').fill('31/12/2026');
    const audit = page.waitForRequest((r) => r.url().includes('/api/staff/audit?'));
    await page.getByRole('button', { name: 'ຄົ້ນຫາ' }).click();
    const query = new URL((await audit).url()).searchParams;
    expect([query.get('from'), query.get('to')]).toEqual(['2026-12-01', '2026-12-31']);
    await page.getByLabel('ຫາວັນທີ').fill('12/31/2026');
    await page.getByRole('alert').getByText(BAD).waitFor();
    await screenshot(page, 'lao-date-audit-lo');

    await page.goto('/reports');
    await page.getByLabel('ໄລຍະ').selectOption('custom');
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await page.getByLabel('ແຕ່ວັນທີ').fill('01/01/2026');
    await page.getByLabel('ຫາວັນທີ').fill('30/06/2026');
    const report = page.waitForRequest(
      (r) => r.url().includes('/api/staff/reports/') && r.url().includes('from='),
    );
    await page.getByRole('button', { name: 'ສະແດງ' }).click();
    const params = new URL((await report).url()).searchParams;
    expect([params.get('from'), params.get('to')]).toEqual(['2026-01-01', '2026-06-30']);
    await screenshot(page, 'lao-date-reports-lo');
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInWithTotp } from './support/sign-in';

const csv = [
  'external_id,full_name,sex,age,identification_date',
  'E2E-1,Noy,female,16,2022-03-01',
  'E2E-2,Bounmy,male,abc,',
].join('\n');

describe('import of historical records', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it(
    'a dry run lists each bad row with its reason; the import keeps the rest; undo takes it back',
    { timeout: 120_000 },
    async () => {
      const page = await system.browser.newPage({ uiLanguage: 'en' });
      await signInWithTotp(page, system.login('admin'));
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Import historical records' }).waitFor();
      await page.getByLabel('Record type').selectOption('people');
      await page
        .getByLabel('Choose a file (CSV or XLSX)')
        .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Check first (writes nothing)' }).click();
      const status = page.getByRole('status');
      await status.getByText('1 good, 0 already imported, 1 skipped').waitFor();
      await status.getByRole('row', { name: '3 Age Not a valid number' }).waitFor();
      await screenshot(page, 'admin-import-dry-run-en');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await status.getByText('Imported', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await page.getByRole('heading', { name: 'ນຳເຂົ້າຂໍ້ມູນເກົ່າ' }).waitFor();
      await status.getByRole('row', { name: '3 ອາຍຸ ບໍ່ແມ່ນຕົວເລກທີ່ຖືກຕ້ອງ' }).waitFor();
      expect(await status.textContent()).not.toContain('Not a valid number');
      await screenshot(page, 'admin-import-done-lo');
      await page.getByRole('button', { name: 'English' }).click();

      await page.getByRole('button', { name: 'Undo this import' }).click();
      await status.getByText('Undone', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Undo this import' }).count()).toBe(0);
      const [left] = await system.stores.database.sql`select count(*)::int as n from people`;
      expect(left?.n).toBe(0);
    },
  );
});

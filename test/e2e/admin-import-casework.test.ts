import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInEnrolling } from './support/sign-in';

const casesCsv = [
  'external_id,opened_at,status,closed_at,category_code',
  'E2E-K1,2022-01-10,closed,2022-06-30,forced_labour',
  'E2E-K2,2022-02-01,closed,2022-01-15,',
].join('\n');
const peopleCsv = [
  'external_id,sex,victim_status,identification_date,case_external_id',
  'E2E-P1,female,identified,2022-01-20,E2E-K1',
].join('\n');
const servicesCsv = [
  'external_id,person_external_id,service,given_on,quantity,organisation',
  'E2E-S1,E2E-P1,hospital_escort,2022-03-01,3,health',
  'E2E-S2,E2E-P1,massage,2022-03-02,1,health',
].join('\n');

async function importFile(page: Page, kind: string, name: string, csv: string) {
  await page.getByLabel('ປະເພດຂໍ້ມູນ').selectOption(kind);
  await page
    .getByLabel('ເລືອກໄຟລ໌ (CSV ຫຼື XLSX)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

describe('import of historical cases and service events, in Lao', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it(
    'downloads the template, shows each bad row, imports the rest, and the figures reach the national statistics',
    { timeout: 180_000 },
    async () => {
      const page = await system.browser.newPage({ uiLanguage: 'lo' });
      await signInEnrolling(page, system.login('admin'));
      await page.getByRole('link', { name: 'ນຳເຂົ້າຂໍ້ມູນ' }).click();
      await page.getByRole('heading', { name: 'ນຳເຂົ້າຂໍ້ມູນເກົ່າ' }).waitFor();
      await page.getByLabel('ປະເພດຂໍ້ມູນ').selectOption('cases');

      // The template: Lao and English headers, the allowed values on a second sheet.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'XLSX' }).click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        readFileSync((await download.path()) as string) as unknown as ArrayBuffer,
      );
      expect(book.worksheets[0]?.getRow(1).values).toContain('ວັນທີເປີດກໍລະນີ / Opened on (opened_at)');

      await importFile(page, 'cases', 'cases.csv', casesCsv);
      await page.getByRole('button', { name: 'ກວດກ່ອນ (ບໍ່ບັນທຶກ)' }).click();
      const status = page.getByRole('status');
      await status.getByText('ຖືກຕ້ອງ 1, ມີແລ້ວ 0, ຂ້າມ 1').waitFor();
      await status.getByRole('row', { name: '3 ວັນທີປິດກໍລະນີ ວັນທີນີ້ກ່ອນວັນທີເລີ່ມຕົ້ນ' }).waitFor();
      await screenshot(page, 'admin-import-cases-dry-run-lo');
      await page.getByRole('button', { name: 'ນຳເຂົ້າ', exact: true }).click();
      await status.getByText('ນຳເຂົ້າແລ້ວ', { exact: true }).waitFor();
      // The skipped row stays listed after the import: nothing is dropped without a word.
      await status.getByRole('row', { name: '3 ວັນທີປິດກໍລະນີ ວັນທີນີ້ກ່ອນວັນທີເລີ່ມຕົ້ນ' }).waitFor();

      await importFile(page, 'people', 'people.csv', peopleCsv);
      expect(await status.count()).toBe(0); // the cases batch's result is gone with the new file
      await page.getByRole('button', { name: 'ນຳເຂົ້າ', exact: true }).click();
      await status.getByText('ຖືກຕ້ອງ 1, ມີແລ້ວ 0, ຂ້າມ 0').waitFor();

      await importFile(page, 'service_events', 'services.csv', servicesCsv);
      await page.getByRole('button', { name: 'ກວດກ່ອນ (ບໍ່ບັນທຶກ)' }).click();
      await status.getByRole('row', { name: '3 ບໍລິການ ບໍ່ແມ່ນຄ່າທີ່ອະນຸຍາດ' }).waitFor();
      await page.getByRole('button', { name: 'ນຳເຂົ້າ', exact: true }).click();
      await status.getByText('ນຳເຂົ້າແລ້ວ', { exact: true }).waitFor();
      await status.getByText('ຖືກຕ້ອງ 1, ມີແລ້ວ 0, ຂ້າມ 1').waitFor();
      expect(await status.textContent()).not.toContain('Not one of the allowed values');
      await screenshot(page, 'admin-import-services-done-lo');

      // The statistician reads 2022: one person escorted to hospital three times.
      const statistics = await system.browser.newPage({ uiLanguage: 'lo' });
      await signInEnrolling(statistics, system.login('statistician'));
      await statistics.goto('/reports');
      await statistics.locator('.reports__table').first().waitFor();
      await statistics.getByRole('combobox', { name: /^ໄລຍະ/ }).selectOption('year');
      await statistics.getByRole('spinbutton', { name: 'ປີ' }).fill('2022');
      await statistics.getByRole('button', { name: 'ສະແດງ' }).click();
      const services = statistics.locator('table', {
        has: statistics.getByText('ບໍລິການທີ່ໃຫ້: ຈຳນວນຄົນ ແລະ ຈຳນວນຄັ້ງ'),
      });
      await services.getByRole('row', { name: 'ການພາໄປໂຮງໝໍ 1 1 0 3' }).waitFor();
      await services.getByRole('row', { name: 'ການພາໄປໂຮງໝໍ 1 1 0 3' }).scrollIntoViewIfNeeded();
      await screenshot(statistics, 'reports-imported-services-lo');
    },
  );
});

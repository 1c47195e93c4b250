import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptField } from '../../../src/modules/crypto/field-cipher';
import { keyringOf } from '../../../src/modules/crypto/keyring';
import { loadNationalEvents } from '../../../src/modules/reports/national-events.repository';
import { startImportRig, type TImportBatchView, type TImportRig } from '../../fixtures/import-rig';
import type { TTestStores } from '../../support/test-stores';

let rig: TImportRig;
let stores: TTestStores;
let app: FastifyInstance;
let cookie: string;
let upload: TImportRig['upload'];

beforeAll(async () => {
  rig = await startImportRig();
  ({ stores, app, cookie, upload } = rig);
});
afterAll(async () => rig?.close());

type TBatch = TImportBatchView;

async function run(id: string, step: 'dry-run' | 'run', lang = 'en'): Promise<TBatch> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/staff/admin/imports/${id}/${step}`,
    headers: { cookie },
  });
  expect(res.statusCode).toBe(202);
  const done = step === 'run' ? 'imported' : 'checked';
  const read = async () =>
    (
      await app.inject({ url: `/api/staff/admin/imports/${id}?lang=${lang}`, headers: { cookie } })
    ).json() as TBatch;
  await expect.poll(async () => (await read()).status, { timeout: 20_000 }).toBe(done);
  return read();
}

const casesCsv = [
  'external_id,opened_at,status,closed_at,category_code,province_code,summary',
  'K-1,2021-02-03,closed,2021-05-01,forced_labour,LA-VT,Worked unpaid on a farm',
  'K-2,2021-13-01,closed,,,,',
  'K-3,2021-06-01,closed,2021-05-01,,,',
  'K-4,2021-07-01,open,,surrogacy,,',
].join('\n');

const servicesCsv = [
  'external_id,person_external_id,case_external_id,service,given_on,quantity,ends_on,organisation',
  'S-1,KP-1,,hospital_escort,2022-03-01,3,,imp-health',
  'S-2,,K-1,follow_up,2022-04-01,,,',
  'S-3,,,medical,2022-04-02,,,',
  'S-4,KP-1,,shelter,2022-04-05,,2022-04-01,',
  'S-5,KP-1,,medical,2022-04-06,,,nobody',
  'S-6,KP-1,,massage,2022-04-07,,,',
  'S-7,KP-404,,medical,2022-04-08,,,',
].join('\n');

const events2022 = () =>
  loadNationalEvents(
    stores.database.sql,
    { from: '2022-01-01', to: '2022-12-31' },
    { hotlines: null, provinceCode: null },
  );

async function undo(id: string) {
  return app.inject({
    method: 'POST',
    url: `/api/staff/admin/imports/${id}/undo`,
    headers: { cookie },
  });
}

describe('import of historical cases and service events', () => {
  const batches: Record<string, string> = {};

  it('imports cases with their own dates, each bad row reported by row, column and reason', async () => {
    batches.cases = await upload('cases', casesCsv);
    const dry = await run(batches.cases, 'dry-run', 'lo');
    expect(dry).toMatchObject({ totalRows: 4, importedRows: 2, skippedRows: 2 });
    expect(dry.errors.map((e) => [e.row, e.columnLabel, e.reason])).toEqual([
      [3, 'ວັນທີເປີດກໍລະນີ', 'ບໍ່ແມ່ນວັນທີ (ໃຊ້ YYYY-MM-DD)'],
      [4, 'ວັນທີປິດກໍລະນີ', 'ວັນທີນີ້ກ່ອນວັນທີເລີ່ມຕົ້ນ'],
    ]);
    const [none] = await stores.database.sql`select count(*)::int as n from cases`;
    expect(none?.n).toBe(0);

    const done = await run(batches.cases, 'run');
    expect(done).toMatchObject({ importedRows: 2, skippedRows: 2 });
    const [k1] = await stores.database.sql`
      select c.id, c.code, c.status, c.category_code, c.summary_enc,
        (c.created_at at time zone 'Asia/Vientiane')::date::text as opened,
        (c.closed_at at time zone 'Asia/Vientiane')::date::text as closed
      from cases c join import_records r on r.record_id = c.id where r.external_id = 'K-1'`;
    expect(k1).toMatchObject({
      status: 'closed',
      category_code: 'forced_labour',
      opened: '2021-02-03',
      closed: '2021-05-01',
    });
    expect(String(k1?.code)).toMatch(/^SD-2021-/);
    expect(
      decryptField(
        keyringOf(stores.config),
        { table: 'cases', column: 'summary_enc', rowId: k1?.id as string },
        k1?.summary_enc as string,
      ),
    ).toBe('Worked unpaid on a farm');
  });

  it('lets imported people join an imported case', async () => {
    batches.people = await upload(
      'people',
      [
        'external_id,sex,victim_status,identification_date,case_external_id',
        'KP-1,female,identified,2021-03-01,K-1',
        'KP-2,male,possible,,K-404',
      ].join('\n'),
    );
    const done = await run(batches.people, 'run');
    expect(done).toMatchObject({ importedRows: 1, skippedRows: 1 });
    expect(done.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [3, 'case_external_id', 'No imported case has this id (import cases first)'],
    ]);
    const [link] = await stores.database.sql`
      select count(*)::int as n from case_people cp
      join import_records rc on rc.record_id = cp.case_id and rc.external_id = 'K-1'
      join import_records rp on rp.record_id = cp.person_id and rp.external_id = 'KP-1'`;
    expect(link?.n).toBe(1);
  });

  it('imports service events that the national statistics count as people and times', async () => {
    await stores.database.sql`insert into organisations (key, kind, name_lo, name_en)
      values ('imp-health', 'health', 'ໂຮງໝໍ', 'Import hospital') on conflict (key) do nothing`;
    batches.services = await upload('service_events', servicesCsv);
    const dry = await run(batches.services, 'dry-run');
    expect(dry.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [4, 'person_external_id', "Give the person's or the case's external id"],
      [5, 'ends_on', 'This date is before the date it follows'],
      [6, 'organisation', 'No organisation has this key'],
      [7, 'service', 'Not one of the allowed values'],
      [8, 'person_external_id', 'No imported person has this id (import people first)'],
    ]);
    expect(dry).toMatchObject({ importedRows: 2, skippedRows: 5 });
    expect((await events2022()).services.hospital_escort).toBeUndefined();

    expect(await run(batches.services, 'run')).toMatchObject({ importedRows: 2, skippedRows: 5 });
    const events = await events2022();
    expect(events.services.hospital_escort).toMatchObject({ people: 1, female: 1, times: 3 });
    // Recorded for the case only: counted for the case's victim.
    expect(events.services.follow_up).toMatchObject({ people: 1, times: 1 });

    const again = await run(await upload('service_events', servicesCsv), 'run');
    expect(again).toMatchObject({ importedRows: 0, duplicateRows: 2, skippedRows: 5 });
    expect((await events2022()).services.hospital_escort?.times).toBe(3);
  });

  it('undoes exactly one batch, and refuses a case that people or services still hang on', async () => {
    expect((await undo(batches.cases as string)).json().error.code).toBe('IMPORT_UNDO_BLOCKED');
    expect((await undo(batches.people as string)).json().error.code).toBe('IMPORT_UNDO_BLOCKED');

    expect((await undo(batches.services as string)).json()).toMatchObject({ status: 'undone' });
    expect((await events2022()).services.hospital_escort).toBeUndefined();
    expect((await undo(batches.people as string)).json()).toMatchObject({ status: 'undone' });
    const [kept] = await stores.database.sql`
      select (select count(*)::int from cases) as cases, (select count(*)::int from people) as people`;
    expect(kept).toEqual({ cases: 2, people: 0 });
    expect((await undo(batches.cases as string)).json()).toMatchObject({ status: 'undone' });
    const [left] = await stores.database.sql`select count(*)::int as n from cases`;
    expect(left?.n).toBe(0);
  });

  it('serves the case and service-event templates with Lao and English headers', async () => {
    const cases = await app.inject({
      url: '/api/staff/admin/imports/template/cases?format=csv',
      headers: { cookie },
    });
    expect(cases.body).toContain('ວັນທີເປີດກໍລະນີ / Opened on (opened_at)');
    const services = await app.inject({
      url: '/api/staff/admin/imports/template/service_events?format=csv',
      headers: { cookie },
    });
    expect(services.body).toContain('ຈຳນວນຄັ້ງ / Times (quantity)');
  });
});

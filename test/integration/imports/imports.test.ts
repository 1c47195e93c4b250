import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptField } from '../../../src/modules/crypto/field-cipher';
import { keyringOf } from '../../../src/modules/crypto/keyring';
import { loadReferrals } from '../../../src/modules/reports/referrals.repository';
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

const peopleCsv = [
  'external_id,Full name,ເພດ,age,nationality,victim_status,identified_by,identification_date',
  'P-1,Noy Phommavong,female,16,LA,identified,lwu,2022-03-01',
  'P-2,Bounmy,male,not-a-number,LA,possible,,',
  'P-3,Kham,female,30,TH,possible,,2022-02-30',
  'P-4,,unknown,,,,,',
  'P-1,Again,female,,,,,',
].join('\r\n');

describe('import of historical records', () => {
  it('checks every row, reports each bad one in the reader language, and imports the rest', async () => {
    const id = await upload('people', peopleCsv);
    const dry = await run(id, 'dry-run');
    expect(dry).toMatchObject({ totalRows: 5, processedRows: 5, importedRows: 2, skippedRows: 3 });
    expect(dry.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [3, 'age', 'Not a valid number'],
      [4, 'identification_date', 'Not a date (use YYYY-MM-DD)'],
      [6, 'external_id', 'This external id appears earlier in the file'],
    ]);
    const count = await stores.database.sql`select count(*)::int as n from people`;
    expect(count[0]?.n).toBe(0); // a dry run writes nothing

    const done = await run(id, 'run', 'lo');
    expect(done).toMatchObject({ importedRows: 2, skippedRows: 3, duplicateRows: 0 });
    expect(done.errors[0]).toMatchObject({ row: 3, columnLabel: 'ອາຍຸ', reason: 'ບໍ່ແມ່ນຕົວເລກທີ່ຖືກຕ້ອງ' });

    // Names are encrypted like every record, bound to their row.
    const [noy] = await stores.database.sql`
      select p.id, p.full_name_enc, p.identification_date, p.age_band from people p
      join import_records r on r.record_id = p.id where r.external_id = 'P-1'`;
    expect(noy?.full_name_enc).not.toContain('Noy');
    const keyring = keyringOf(stores.config);
    expect(
      decryptField(
        keyring,
        { table: 'people', column: 'full_name_enc', rowId: noy?.id as string },
        noy?.full_name_enc as string,
      ),
    ).toBe('Noy Phommavong');
    expect(noy).toMatchObject({ identification_date: '2022-03-01', age_band: '12-17' });
    const [audit] = await stores.database
      .sql`select data from audit_log where action = 'import.completed' and entity_id = ${id}`;
    expect(audit?.data).toMatchObject({ kind: 'people', imported: 2, skipped: 3 });
  });

  it('imports nothing new when the same file comes again', async () => {
    const again = await run(await upload('people', peopleCsv), 'run');
    expect(again).toMatchObject({ importedRows: 0, duplicateRows: 2, skippedRows: 3 });
    const [n] = await stores.database.sql`select count(*)::int as n from people`;
    expect(n?.n).toBe(2);
  });

  it("keeps a 2022 referral in 2022's referrals table, and undo removes exactly that batch", async () => {
    const csv = [
      'external_id,person_external_id,referred_at,partner,needs,outcome',
      'R-1,P-1,2022-04-10,imp-shelter,shelter,completed',
      'R-2,P-404,2022-04-11,imp-shelter,shelter,',
      'R-3,P-4,2022-05-02 09:30,nobody,shelter,',
    ].join('\n');
    const batch = await run(await upload('referrals', csv), 'run');
    expect(batch.importedRows).toBe(1);
    expect(batch.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'person_external_id'],
      [4, 'partner'],
    ]);
    const year = async (y: number) =>
      (
        await loadReferrals(
          stores.database.sql,
          { from: `${y}-01-01`, to: `${y}-12-31` },
          { hotlines: null, provinceCode: null },
        )
      ).groups
        .filter((g) => g.organisation === 'imp-shelter')
        .reduce((n, g) => n + g.tickets, 0);
    expect(await year(2022)).toBe(1);
    expect(await year(new Date().getUTCFullYear())).toBe(0);

    const contacts = await run(
      await upload(
        'contacts',
        'external_id,occurred_at,channel,contact_type,caller_name,person_external_id\nC-1,2022-03-01 10:00,call,crisis,Aunt,P-1\n',
      ),
      'run',
    );
    expect(contacts.importedRows).toBe(1);
    const [people] = await stores.database
      .sql`select id from import_batches where kind = 'people' and status = 'imported' order by created_at limit 1`;
    const refused = await app.inject({
      method: 'POST',
      url: `/api/staff/admin/imports/${people?.id}/undo`,
      headers: { cookie },
    });
    expect(refused.json().error.code).toBe('IMPORT_UNDO_BLOCKED');

    const [refBatch] = await stores.database
      .sql`select id from import_batches where kind = 'referrals'`;
    const undo = await app.inject({
      method: 'POST',
      url: `/api/staff/admin/imports/${refBatch?.id}/undo`,
      headers: { cookie },
    });
    expect(undo.json()).toMatchObject({ status: 'undone' });
    expect(await year(2022)).toBe(0);
    const [left] = await stores.database.sql`
      select (select count(*)::int from referrals) as r, (select count(*)::int from tickets) as t,
        (select count(*)::int from contacts) as c, (select count(*)::int from people) as p`;
    expect(left).toEqual({ r: 0, t: 0, c: 1, p: 2 });
  });

  it('serves the template with Lao and English headers', async () => {
    const csv = await app.inject({
      url: '/api/staff/admin/imports/template/contacts?format=csv',
      headers: { cookie },
    });
    expect(csv.body).toContain('ວັນທີ ແລະ ເວລາ / Date and time (occurred_at)');
    const xlsx = await app.inject({
      url: '/api/staff/admin/imports/template/referrals',
      headers: { cookie },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

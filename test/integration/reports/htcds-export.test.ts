import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchReferral } from '../../../src/modules/referrals/dispatch/dispatch-referral.service';
import { decryptWithPassphrase } from '../../../src/modules/reports/htcds-file.crypto';
import { htcdsColumns } from '../../../src/modules/reports/htcds-fields';
import { htcdsProblems } from '../../../src/modules/reports/htcds.policy';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { createStaff, loginAs } from '../../fixtures/staff';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  workerDepsFor,
} from '../../fixtures/referrals-world';

let stores: TTestStores;
let app: FastifyInstance;
const cookies: Record<string, string> = {};
let referred: { caseId: string; personId: string };
let quiet: { caseId: string; personId: string };

function exportHtcds(who: string, payload: object) {
  return app.inject({
    method: 'POST',
    url: '/api/staff/reports/htcds/export',
    headers: { cookie: cookies[who] ?? '' },
    payload,
  });
}

/** CSV lines → records; quoted fields (a value name with a comma) are unquoted. */
function parse(csv: string): Array<Record<string, string>> {
  const [head, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const columns = (head ?? '').split(',');
  return lines.map((line) => {
    const cells = (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) =>
      c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'),
    );
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

beforeAll(async () => {
  stores = await createTestStores();
  await seedOrganisations(stores);
  ({ app } = await buildTestApp(stores));
  const shelter = await insertUnit(stores, { organisationKey: 'lwu-cwpc' });
  await insertRule(stores, { need: 'shelter', unitId: shelter.id });
  referred = await insertCaseWithPerson(stores, { name: 'Noy Phommachanh' });
  quiet = await insertCaseWithPerson(stores, { name: 'Keo Sisavath', shareConsent: false });
  const sql = stores.database.sql;
  await sql`update people set sex = 'male', nationalities = '{TH}', labour_sector = 'domestic_work', recruitment_method = 'smuggling',
    means_of_control = '{withholds_documents,confiscated_phone}' where id = ${referred.personId}`;
  await sql`update cases set status = 'follow_up' where id = ${referred.caseId}`;
  const deps = workerDepsFor(stores);
  const { referralId } = await storeReferral(stores, deps.queues, {
    ...referred,
    needs: ['shelter'],
  });
  await dispatchReferral(deps, referralId, new Date());
  await deps.queues.close();
  deps.redis.disconnect();
  cookies.admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
  cookies.statistician = await loginAs(app, await createStaff(stores, { role: 'statistician' }));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

const thisYear = () => ({ period: 'year', year: Number(new Date().toISOString().slice(0, 4)) });

describe('HTCDS export', () => {
  it('gives an administrator one row per victim, every column an HTCDS field with a valid value, and no name', async () => {
    const res = await exportHtcds('admin', thisYear());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/saiduan-htcds-.*\.csv"/);
    expect(res.body).not.toContain('Noy');
    expect(res.body).not.toContain('Keo');
    const rows = parse(res.body);
    expect(Object.keys(rows[0] ?? {})).toEqual([...htcdsColumns]);
    for (const row of rows) expect(htcdsProblems(row)).toEqual([]);
    const byPerson = new Map(rows.map((r) => [r.sd_PersonRef, r]));
    expect(byPerson.get(referred.personId)).toMatchObject({
      prs_Gender: 'Male',
      prs_Nationality: 'TH',
      prs_MailingState: 'LA-VT',
      vic_AgreementToManagePersonalData: 'true',
      vic_MethodsOfControl: 'Other;WithholdsDocuments',
      vic_MethodOfRecruitment: 'Smuggling, ransom',
      vic_TypeOfLabourExploitation: 'DomesticWork',
      cas_Status: 'FollowUp',
      cas_ReferredOrganisation: 'Test shelter unit',
      cas_OutgoingReferralDate: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
      prs_FirstName: '',
    });
    expect(byPerson.get(quiet.personId)).toMatchObject({
      vic_AgreementToManagePersonalData: 'false',
      vic_MethodOfRecruitment: '',
      cas_Status: 'Active',
      cas_ReferredOrganisation: '',
      cas_OutgoingReferralDate: '',
    });
  });

  it('audits each download with its period and row count, never the passphrase', async () => {
    const passphrase = 'a long shared passphrase';
    const res = await exportHtcds('admin', { ...thisYear(), passphrase });
    expect(res.statusCode).toBe(200);
    const [audit] = await stores.database.sql<Array<{ data: Record<string, unknown> }>>`
      select data from audit_log where action = 'export.downloaded' and entity_id = 'htcds'
      order by seq desc limit 1`;
    expect(audit?.data).toMatchObject({ rows: 2, encrypted: true });
    expect(JSON.stringify(audit?.data)).not.toContain(passphrase);
  });

  it('encrypts the file with the passphrase given, so only its holder can read it', async () => {
    const passphrase = 'the partner knows this one';
    const res = await exportHtcds('admin', { ...thisYear(), passphrase });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.csv\.enc"/);
    const file = res.rawPayload;
    expect(file.includes(Buffer.from('prs_Gender'))).toBe(false);
    const csv = (await decryptWithPassphrase(file, passphrase)).toString('utf8');
    expect(
      parse(csv)
        .map((r) => r.sd_PersonRef)
        .sort(),
    ).toEqual([referred.personId, quiet.personId].sort());
    await expect(decryptWithPassphrase(file, 'not the passphrase')).rejects.toThrow();
  });

  it('is refused to a statistician, and a short passphrase is refused with a reason', async () => {
    const denied = await exportHtcds('statistician', thisYear());
    expect(denied.statusCode).toBe(403);
    const short = await exportHtcds('admin', { ...thisYear(), passphrase: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('VALIDATION_FAILED');
  });
});

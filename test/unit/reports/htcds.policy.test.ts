import { describe, expect, it } from 'vitest';
import {
  decryptWithPassphrase,
  encryptWithPassphrase,
} from '../../../src/modules/reports/htcds-file.crypto';
import {
  htcdsColumns,
  htcdsFields,
  htcdsRecruitmentMethods,
} from '../../../src/modules/reports/htcds-fields';
import { profileVocabulary } from '../../../src/contracts/victim-profile';
import {
  htcdsProblems,
  toHtcdsRecord,
  type THtcdsSourceRow,
} from '../../../src/modules/reports/htcds.policy';

/** A small deterministic generator (mulberry32), so a failure names a row that can be rebuilt. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function pick<T>(r: () => number, list: readonly T[]): T {
  const value = list[Math.floor(r() * list.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}
const some = <T>(r: () => number, list: readonly T[]): T[] => list.filter(() => r() < 0.3);

/** Every value our records can hold, known to the standard or not (a code it has no name for). */
function generatedRows(n: number): THtcdsSourceRow[] {
  const r = rng(17);
  return Array.from({ length: n }, (_, i) => ({
    caseCode: `SD-2026-${String(i).padStart(6, '0')}`,
    personId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    caseStatus: pick(r, ['open', 'active', 'follow_up', 'closed', 'closed_referred']),
    sex: pick(r, ['female', 'male', 'other', 'unknown']),
    nationalities: some(r, ['LA', 'VN', 'TH', 'CN']),
    provinceCode: pick(r, [null, 'LA-VT', 'LA-SV', 'LA-BK']),
    consented: r() < 0.5,
    forms: some(r, ['forced_labour', 'sexual_exploitation', 'online_sexual_exploitation', 'other']),
    labourSector: pick(r, [null, 'agriculture', 'domestic_work', 'casino', 'mining_or_drilling']),
    recruitmentMethod: pick(r, [null, ...profileVocabulary.recruitmentMethods.map((m) => m.code)]),
    meansOfControl: some(r, [
      'debt_bondage',
      'withholds_documents',
      'threats',
      'confiscated_phone',
      'restricts_movement',
    ]),
    referredTo: some(r, ['Provincial hospital', 'LWU shelter; Vientiane', 'Police, Savannakhet']),
    firstReferredOn: pick(r, [null, '2026-01-31', '2026-12-01']),
  }));
}

function firstRow(): THtcdsSourceRow {
  const [row] = generatedRows(1);
  if (!row) throw new Error('no generated row');
  return row;
}

describe('the HTCDS field list', () => {
  it('says for every field where its value comes from or why it stays empty', () => {
    for (const f of htcdsFields) {
      expect(f.name, f.name).toMatch(/^(prs|vic|cas)_[A-Z][A-Za-z]+$/);
      expect(f.source !== null || (f.emptyBecause ?? '').length > 10, f.name).toBe(true);
      if (f.type === 'picklist' || f.type === 'multipicklist')
        expect(f.values !== undefined || f.source === null, f.name).toBe(true);
    }
    expect(new Set(htcdsColumns).size).toBe(htcdsColumns.length);
  });
});

describe('an HTCDS record', () => {
  it('conforms to the field list for 2,000 generated victims: known columns, types and picklist values', () => {
    const records = generatedRows(2000).map(toHtcdsRecord);
    for (const record of records) {
      expect(Object.keys(record)).toEqual([...htcdsColumns]);
      expect(htcdsProblems(record), record.sd_CaseCode).toEqual([]);
    }
    // The generated data reached every mapped picklist, or the check above proved little.
    const seen = (column: string) => new Set(records.flatMap((r) => (r[column] ?? '').split(';')));
    expect(seen('prs_Gender')).toEqual(
      new Set(['Male', 'Female', 'Transgender/NonConforming', 'Unknown']),
    );
    expect(seen('vic_MethodsOfControl')).toContain('Other');
    expect(seen('vic_MethodsOfControl')).toContain('WithholdsDocuments');
    expect(seen('vic_TypeOfLabourExploitation')).toContain('DomesticWork');
    expect(seen('cas_Status')).toEqual(new Set(['Active', 'FollowUp', 'Closed', 'ClosedReferred']));
    expect(seen('vic_MethodOfRecruitment')).toContain('Smuggling, ransom');
  });

  it('is refused for a column outside the standard, a value outside its picklist, a bad date or a field we leave empty', () => {
    const record = toHtcdsRecord(firstRow());
    expect(
      htcdsProblems({
        ...record,
        prs_FullName: 'x',
        prs_Gender: 'F',
        vic_MethodsOfControl: 'Threats;Blackmail',
        cas_OutgoingReferralDate: '31/01/2026',
        prs_Birthdate: '2001-01-01',
      }),
    ).toEqual([
      'prs_Birthdate: must be empty: we leave this field out',
      'prs_Gender: not a value of the picklist: F',
      'vic_MethodsOfControl: not values of the picklist: Blackmail',
      'cas_OutgoingReferralDate: not a YYYY-MM-DD date',
      'prs_FullName: not an HTCDS field',
    ]);
    const { cas_Status: _dropped, ...missing } = record;
    expect(htcdsProblems(missing)).toEqual(['cas_Status: missing']);
  });

  it('maps our codes to the value names a partner system reads', () => {
    const record = toHtcdsRecord({
      ...firstRow(),
      sex: 'female',
      caseStatus: 'open',
      nationalities: ['VN', 'LA'],
      provinceCode: 'LA-SV',
      forms: ['forced_labour', 'online_sexual_exploitation'],
      labourSector: 'casino',
      meansOfControl: ['withholds_documents', 'debt_bondage', 'confiscated_phone'],
      referredTo: ['Shelter B', 'Hospital A', 'Shelter B'],
      firstReferredOn: '2026-02-03',
    });
    expect(record).toMatchObject({
      prs_Gender: 'Female',
      prs_Nationality: 'VN',
      prs_MailingState: 'LA-SV',
      prs_MailingCountry: 'LA',
      vic_MethodsOfControl: 'DebtBondage;Other;WithholdsDocuments',
      vic_TypeOfLabourExploitation: 'Other',
      vic_TypeOfSexExploitation: 'RemoteInteractiveServices',
      cas_Status: 'Active',
      cas_ReferredOrganisation: 'Hospital A; Shelter B',
      cas_OutgoingReferralDate: '2026-02-03',
      prs_FirstName: '',
      prs_Birthdate: '',
    });
  });
});

describe('vic_MethodOfRecruitment', () => {
  it('names each recruitment method the desk offers by its own value of the standard, none as Other', () => {
    const methods = profileVocabulary.recruitmentMethods.map((m) => m.code);
    const named = methods.map(
      (code) =>
        [
          code,
          toHtcdsRecord({ ...firstRow(), recruitmentMethod: code }).vic_MethodOfRecruitment,
        ] as const,
    );
    for (const [code, value] of named) {
      expect(htcdsRecruitmentMethods, code).toContain(value);
      if (code !== 'other') expect(value, code).not.toBe('Other');
    }
    // One value each: two of our codes never fold into one of the standard's.
    expect(new Set(named.map(([, v]) => v)).size).toBe(methods.length);
    expect(Object.fromEntries(named)).toMatchObject({
      job_offer: 'Job offer/advertisement',
      marriage_broker: 'International Marriage Broker (IMB)',
      smuggling: 'Smuggling, ransom',
      unknown: 'Unknown',
    });
    expect(toHtcdsRecord({ ...firstRow(), recruitmentMethod: null }).vic_MethodOfRecruitment).toBe(
      '',
    );
  });
});

describe('the passphrase-encrypted file', () => {
  it('opens with the passphrase and not with another, and a changed byte is detected', async () => {
    const plain = Buffer.from('sd_CaseCode,prs_Gender\r\nSD-1,Female\r\n');
    const file = await encryptWithPassphrase(plain, 'correct horse battery');
    expect(file.includes(Buffer.from('Female'))).toBe(false);
    expect(await decryptWithPassphrase(file, 'correct horse battery')).toEqual(plain);
    await expect(decryptWithPassphrase(file, 'wrong horse battery')).rejects.toThrow();
    const tampered = Buffer.from(file);
    tampered.writeUInt8(tampered.readUInt8(40) ^ 1, 40);
    await expect(decryptWithPassphrase(tampered, 'correct horse battery')).rejects.toThrow();
  });
});

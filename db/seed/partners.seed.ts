import type { TDatabase } from '../../src/infra/database';
import { partnerUnits, type TPartnerHours } from '../schema/partners';
import { referralRules, type TReferralNeed } from '../schema/referrals';
import { seedProvincialUnits } from './provincial-units.seed';

// Demo partner units and routing rules for a local run. Fixed ids keep the seed idempotent;
// administrators replace all of this with their real directory and rules.

// Lao public holidays for the demo year (International New Year, Women's Day, Pi Mai, Labour
// Day, National Day); administrators maintain the real calendar per unit.
const holidays2026 = [
  '2026-01-01',
  '2026-03-08',
  '2026-04-14',
  '2026-04-15',
  '2026-04-16',
  '2026-05-01',
  '2026-12-02',
];
const office: Array<[string, string]> = [['08:00', '16:30']];
const officeHours: TPartnerHours = {
  alwaysOpen: false,
  weekly: { 1: office, 2: office, 3: office, 4: office, 5: office },
  holidays: holidays2026,
};
const allDay: TPartnerHours = { alwaysOpen: true, weekly: {}, holidays: [] };

const unit = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const rule = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;

const units: Array<typeof partnerUnits.$inferInsert> = [
  {
    id: unit(1),
    organisationKey: 'lwu-cwpc',
    kind: 'shelter',
    nameLo: 'ສູນໃຫ້ຄຳປຶກສາ ແລະ ປົກປ້ອງແມ່ຍິງ ແລະ ເດັກ (ນະຄອນຫຼວງ)',
    nameEn: 'Counselling and Protection Centre, Vientiane Capital',
    services: ['shelter', 'legal_aid', 'psychosocial', 'reintegration'],
    provinces: ['LA-VT'],
    languages: ['lo', 'en', 'hmn'],
    hours: allDay,
  },
  {
    id: unit(2),
    organisationKey: 'lwu-provincial',
    kind: 'shelter',
    nameLo: 'ສະຫະພັນແມ່ຍິງ ແຂວງ',
    nameEn: "Provincial Lao Women's Union offices",
    services: ['shelter', 'reintegration'],
    provinces: [],
    languages: ['lo'],
    hours: officeHours,
  },
  {
    id: unit(3),
    organisationKey: 'mps-atd',
    kind: 'police',
    nameLo: 'ກົມຕຳຫຼວດຕ້ານການຄ້າມະນຸດ',
    nameEn: 'Anti-Human Trafficking Police Department',
    services: ['investigation'],
    provinces: [],
    languages: ['lo'],
    hours: allDay,
    usesSystem: true,
  },
  {
    id: unit(4),
    organisationKey: 'molsw-labour',
    kind: 'labour',
    nameLo: 'ກົມຄຸ້ມຄອງແຮງງານ',
    nameEn: 'Labour protection, Ministry of Labour and Social Welfare',
    services: ['labour_dispute', 'job_placement'],
    provinces: [],
    languages: ['lo'],
    hours: officeHours,
  },
  {
    id: unit(5),
    organisationKey: 'lftu',
    kind: 'labour',
    nameLo: 'ສະຫະພັນກຳມະບານລາວ',
    nameEn: 'Lao Federation of Trade Unions',
    services: ['labour_dispute'],
    provinces: [],
    languages: ['lo'],
    hours: officeHours,
  },
  {
    id: unit(6),
    organisationKey: 'molsw-social-welfare',
    kind: 'social_welfare',
    nameLo: 'ກົມສະຫວັດດີການສັງຄົມ',
    nameEn: 'Department of Social Welfare',
    services: ['reintegration', 'education_vocational', 'follow_up'],
    provinces: [],
    languages: ['lo'],
    hours: officeHours,
  },
  {
    id: unit(7),
    organisationKey: 'health',
    kind: 'health',
    nameLo: 'ໂຮງໝໍສູນກາງ',
    nameEn: 'Central hospitals',
    services: ['medical'],
    provinces: ['LA-VT'],
    languages: ['lo', 'en'],
    hours: allDay,
  },
  {
    id: unit(8),
    organisationKey: 'mofa',
    kind: 'repatriation',
    nameLo: 'ກະຊວງການຕ່າງປະເທດ',
    nameEn: 'Ministry of Foreign Affairs (repatriation)',
    services: ['repatriation'],
    provinces: [],
    languages: ['lo', 'en', 'th', 'vi', 'zh'],
    hours: officeHours,
  },
];

const rules: Array<[number, TReferralNeed, number, number | null]> = [
  [1, 'shelter', 1, 2],
  [2, 'psychosocial', 1, 2],
  [3, 'legal_aid', 1, null],
  [4, 'police', 3, null],
  [5, 'labour', 4, 5],
  [6, 'medical', 7, null],
  [7, 'repatriation', 8, null],
  [8, 'reintegration', 6, 2],
  [9, 'education_vocational', 6, null],
];

/** Demo partner directory and routing rules; safe to run on every start. */
export async function seedPartners(db: TDatabase): Promise<void> {
  await db.insert(partnerUnits).values(units).onConflictDoNothing();
  await db
    .insert(referralRules)
    .values(
      rules.map(([n, need, u, alt]) => ({
        id: rule(n),
        need,
        unitId: unit(u),
        alternateUnitId: alt === null ? null : unit(alt),
        // Demo rules rank behind anything an administrator adds (default rank 100).
        rank: 1000,
      })),
    )
    .onConflictDoNothing();
  await seedProvincialUnits(db);
}

import { readFileSync } from 'node:fs';
import type { TDatabase } from '../../src/infra/database';
import { partnerUnits, type TPartnerHours } from '../schema/partners';
import { referralRules, type TReferralNeed } from '../schema/referrals';

/*
 * The provincial tier of the partner directory, for all 17 provinces and the capital (from
 * seed-data/provinces.json): the provincial police anti-trafficking division, the Lao Women's
 * Union office, the labour and social welfare service and the provincial hospital, with rules
 * that send a person from a province to that province's unit (a rule naming a province is more
 * specific than the national one, so it wins). Fixed ids keep it idempotent; contact details are
 * each deployment's to fill in.
 */
type TProvince = { code: string; lo: string; en: string };

const { provinces } = JSON.parse(
  readFileSync(new URL('../seed-data/provinces.json', import.meta.url), 'utf8'),
) as { provinces: TProvince[] };

const office: Array<[string, string]> = [['08:00', '16:30']];
const officeHours: TPartnerHours = {
  alwaysOpen: false,
  weekly: { 1: office, 2: office, 3: office, 4: office, 5: office },
  holidays: [],
};
const allDay: TPartnerHours = { alwaysOpen: true, weekly: {}, holidays: [] };

/** "ແຂວງສະຫວັນນະເຂດ" / "Savannakhet Province"; the capital and Vientiane Province keep their names. */
const placeLo = (p: TProvince) => (/^(ແຂວງ|ນະຄອນ)/.test(p.lo) ? p.lo : `ແຂວງ${p.lo}`);
const placeEn = (p: TProvince) => (/(Capital|Province)$/.test(p.en) ? p.en : `${p.en} Province`);

type TTier = {
  organisationKey: string;
  kind: 'police' | 'shelter' | 'social_welfare' | 'health';
  lo: (p: TProvince) => string;
  en: (p: TProvince) => string;
  services: string[];
  hours: TPartnerHours;
  needs: TReferralNeed[];
};

const tiers: TTier[] = [
  {
    organisationKey: 'mps-atd',
    kind: 'police',
    lo: (p) => `ຕຳຫຼວດຕ້ານການຄ້າມະນຸດ ${placeLo(p)}`,
    en: (p) => `Anti-trafficking police division, ${placeEn(p)}`,
    services: ['investigation'],
    hours: allDay,
    needs: ['police'],
  },
  {
    organisationKey: 'lwu-provincial',
    kind: 'shelter',
    lo: (p) => `ສະຫະພັນແມ່ຍິງ ${placeLo(p)}`,
    en: (p) => `Lao Women's Union, ${placeEn(p)}`,
    services: ['shelter', 'legal_aid', 'reintegration', 'follow_up'],
    hours: officeHours,
    needs: ['shelter', 'psychosocial', 'legal_aid'],
  },
  {
    organisationKey: 'molsw-social-welfare',
    kind: 'social_welfare',
    lo: (p) => `ພະແນກແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ${placeLo(p)}`,
    en: (p) => `Labour and Social Welfare Service, ${placeEn(p)}`,
    services: ['labour_dispute', 'job_placement', 'reintegration', 'education_vocational'],
    hours: officeHours,
    needs: ['labour', 'reintegration', 'education_vocational'],
  },
  {
    organisationKey: 'health',
    kind: 'health',
    lo: (p) => `ໂຮງໝໍ ${placeLo(p)}`,
    en: (p) => `Provincial hospital, ${placeEn(p)}`,
    services: ['medical'],
    hours: allDay,
    needs: ['medical'],
  },
];

// Version-4 UUIDs: the fourth group names the tier and province, the last what the row is.
const id = (tier: number, province: number, what: number) =>
  `00000000-0000-4000-8${tier}${String(province).padStart(2, '0')}-${String(what).padStart(12, '0')}`;

export function provincialUnits(): Array<typeof partnerUnits.$inferInsert> {
  return tiers.flatMap((tier, t) =>
    provinces.map((p, i) => ({
      id: id(t + 1, i, 1),
      organisationKey: tier.organisationKey,
      kind: tier.kind,
      nameLo: tier.lo(p),
      nameEn: tier.en(p),
      services: tier.services,
      provinces: [p.code],
      languages: ['lo'],
      hours: tier.hours,
    })),
  );
}

export function provincialRules(): Array<typeof referralRules.$inferInsert> {
  return tiers.flatMap((tier, t) =>
    provinces.flatMap((p, i) =>
      tier.needs.map((need, n) => ({
        id: id(t + 1, i, 100 + n),
        need,
        provinceCode: p.code,
        unitId: id(t + 1, i, 1),
        alternateUnitId: null,
        // Behind anything an administrator adds (default rank 100), like the national demo rules.
        rank: 1000,
      })),
    ),
  );
}

/** Provincial units and their rules; safe to run on every start. */
export async function seedProvincialUnits(db: TDatabase): Promise<void> {
  await db.insert(partnerUnits).values(provincialUnits()).onConflictDoNothing();
  await db.insert(referralRules).values(provincialRules()).onConflictDoNothing();
}

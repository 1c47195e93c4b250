import taxonomy from '../../../db/seed-data/taxonomy.json';
import provincesFile from '../../../db/seed-data/provinces.json';
import serviceCatalogue from '../../../db/seed-data/service-kinds.json';
import type { TLabel } from './report-table.types';

type TTerm = { code: string; lo: string; en: string };
const term = (t: TTerm): [string, TLabel] => [t.code, { lo: t.lo, en: t.en }];

export const exploitationForms: ReadonlyMap<string, TLabel> = new Map(
  taxonomy.exploitationForms.map(term),
);
export const essentialServices: ReadonlyMap<string, TLabel> = new Map(
  taxonomy.essentialAssistance.map(term),
);
/** The taxonomy's other services, then the catalogue's kinds not listed yet (first aid…). */
export const otherServices: ReadonlyMap<string, TLabel> = new Map([
  ...taxonomy.otherServices.map(term),
  ...serviceCatalogue.serviceKinds
    .filter((k) => !essentialServices.has(k.code))
    .filter((k) => !taxonomy.otherServices.some((o) => o.code === k.code))
    .map(term),
]);
/** Every kind a service event can be recorded as (the seeded catalogue), in catalogue order. */
export const catalogueServices: ReadonlyMap<string, TLabel> = new Map(
  serviceCatalogue.serviceKinds.map(term),
);
export const counsellingModes: ReadonlyMap<string, TLabel> = new Map(
  taxonomy.counsellingModes.map(term),
);
export const provinces: ReadonlyMap<string, TLabel> = new Map(provincesFile.provinces.map(term));

/** A service kind outside the taxonomy is still a service given: it is counted under "other". */
export const OTHER_SERVICE = 'other';
export const serviceRowKey = (kind: string): string =>
  essentialServices.has(kind) || otherServices.has(kind) ? kind : OTHER_SERVICE;

/** Countries the national report names (nationality, returned from); others show their ISO code. */
const countries: Record<string, TLabel> = {
  LA: { lo: 'ລາວ', en: 'Lao' },
  TH: { lo: 'ໄທ', en: 'Thailand' },
  VN: { lo: 'ຫວຽດນາມ', en: 'Viet Nam' },
  CN: { lo: 'ຈີນ', en: 'China' },
  MY: { lo: 'ມາເລເຊຍ', en: 'Malaysia' },
  MM: { lo: 'ມຽນມາ', en: 'Myanmar' },
  KH: { lo: 'ກຳປູເຈຍ', en: 'Cambodia' },
  KR: { lo: 'ເກົາຫຼີ', en: 'Republic of Korea' },
  JP: { lo: 'ຍີ່ປຸ່ນ', en: 'Japan' },
  SG: { lo: 'ສິງກະໂປ', en: 'Singapore' },
  PH: { lo: 'ຟີລິບປິນ', en: 'Philippines' },
  ID: { lo: 'ອິນໂດເນເຊຍ', en: 'Indonesia' },
};
export const countryLabel = (code: string): TLabel => countries[code] ?? { lo: code, en: code };

export const UNKNOWN = 'unknown';
export const notRecorded: TLabel = { lo: 'ບໍ່ໄດ້ບັນທຶກ', en: 'Not recorded' };

export const peopleColumns = [
  { key: 'total', lo: 'ທັງໝົດ', en: 'Total' },
  { key: 'female', lo: 'ຍິງ', en: 'Female' },
  { key: 'under18', lo: 'ອາຍຸຕໍ່າກວ່າ 18 ປີ', en: 'Under 18' },
  { key: 'femaleUnder18', lo: 'ຍິງອາຍຸຕໍ່າກວ່າ 18 ປີ', en: 'Female under 18' },
] as const;

export const counsellingColumns = [
  { key: 'sessions', lo: 'ຈຳນວນຄັ້ງໃຫ້ຄຳປຶກສາ', en: 'Sessions' },
  { key: 'people', lo: 'ຈຳນວນຄົນ', en: 'People' },
  { key: 'female', lo: 'ຍິງ', en: 'Female' },
  { key: 'newPeople', lo: 'ຄົນໃໝ່', en: 'New people' },
  { key: 'continuingPeople', lo: 'ຄົນເກົ່າທີ່ສືບຕໍ່', en: 'Continuing people' },
] as const;

export const measureLabels = {
  identified: { lo: 'ຜູ້ຖືກເຄາະຮ້າຍທີ່ໄດ້ຮັບການກຳນົດ', en: 'Victims identified' },
  recorded: { lo: 'ຜູ້ອາດຈະຕົກເປັນເຄາະຮ້າຍທີ່ໄດ້ບັນທຶກ', en: 'Possible victims recorded' },
  assisted: { lo: 'ໄດ້ຮັບການຊ່ວຍເຫຼືອ', en: 'Assisted' },
  sheltered: { lo: 'ໄດ້ຮັບທີ່ພັກເຊົາ', en: 'Sheltered' },
  reintegrated: { lo: 'ສົ່ງກັບຄືນສູ່ຄອບຄົວ ແລະ ສັງຄົມ', en: 'Reintegrated' },
  followed_up: { lo: 'ໄດ້ຮັບການຕິດຕາມ', en: 'Followed up' },
} satisfies Record<string, TLabel>;

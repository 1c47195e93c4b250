import type { TLabel } from './report-table.types';

/**
 * The agencies of the national committee's annual report, each with the organisations (keys of
 * the reference directory, db/seed-data/organisations.json) whose partner units' tickets and
 * service events make up its section. An organisation not listed falls under 'other', so no
 * ticket is left out of the view.
 */
export type TAgencySection = { key: string; title: TLabel; organisations: readonly string[] };

export const agencySections: readonly TAgencySection[] = [
  {
    key: 'lwu',
    title: {
      lo: 'ສູນໃຫ້ຄຳປຶກສາ ແລະ ປົກປ້ອງແມ່ຍິງ-ເດັກນ້ອຍ (ສະຫະພັນແມ່ຍິງລາວ)',
      en: "Counselling and Protection Centre for Women and Children (Lao Women's Union)",
    },
    organisations: ['lwu-cwpc', 'lwu-provincial'],
  },
  {
    key: 'police',
    title: { lo: 'ກົມຕຳຫຼວດສະກັດກັ້ນ ແລະ ຕ້ານການຄ້າມະນຸດ', en: 'Anti-Human Trafficking Police' },
    organisations: ['mps-atd'],
  },
  {
    key: 'social_welfare',
    title: {
      lo: 'ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ',
      en: 'Ministry of Labour and Social Welfare',
    },
    organisations: ['molsw-social-welfare', 'molsw-labour'],
  },
  {
    key: 'health',
    title: { lo: 'ຂະແໜງການສາທາລະນະສຸກ', en: 'Health sector' },
    organisations: ['health'],
  },
  {
    key: 'foreign_affairs',
    title: { lo: 'ກະຊວງການຕ່າງປະເທດ', en: 'Ministry of Foreign Affairs' },
    organisations: ['mofa'],
  },
  {
    key: 'provincial_committees',
    title: {
      lo: 'ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ ແຂວງ',
      en: 'Provincial anti-human-trafficking committees',
    },
    organisations: ['provincial-committees'],
  },
  {
    key: 'other',
    title: { lo: 'ພາກສ່ວນອື່ນໆ', en: 'Other agencies' },
    organisations: [],
  },
];

/** The section an organisation's figures belong to. */
export function agencyOf(organisationKey: string): string {
  return agencySections.find((s) => s.organisations.includes(organisationKey))?.key ?? 'other';
}

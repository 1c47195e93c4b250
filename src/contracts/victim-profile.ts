// The victim profile's vocabularies and the per-hotline form definitions, shared by the staff API
// (validation) and the desk (pickers and sections). Constants, JSON and zod only: web/ imports it.
//
// Field choice follows IOM's Human Trafficking Case Data Standard (HTCDS, github.com/UNMigration/
// HTCDS): methods of control, method of recruitment, type of labour exploitation, and the
// recruitment / transit / exploitation stages of its trafficking events with their countries.
// Countries are ISO 3166-1 alpha-2 with Lao and English names from the Unicode CLDR.
import { z } from 'zod';
import countriesFile from '../../db/seed-data/countries.json';
import provincesFile from '../../db/seed-data/provinces.json';
import taxonomy from '../../db/seed-data/taxonomy.json';
import vocabulary from '../../db/seed-data/victim-profile.json';

export type TLabelled = { code: string; lo: string; en: string };

export const countries: readonly TLabelled[] = countriesFile.countries;
export const profileVocabulary = vocabulary as unknown as Record<
  | 'meansOfControl'
  | 'recruitmentMethods'
  | 'recruiterRelations'
  | 'labourSectors'
  | 'travelDocuments'
  | 'transportModes'
  | 'borderCrossings'
  | 'wageCurrencies'
  | 'schoolStatuses'
  | 'livesWith'
  | 'contactReasons',
  TLabelled[]
>;
export type TVocabulary = keyof typeof profileVocabulary;

const codeSet = (items: readonly { code: string }[]) => new Set(items.map((i) => i.code));
const countryCodes = codeSet(countries);
const provinceCodes = codeSet(provincesFile.provinces);
const sezCodes = codeSet(provincesFile.specialEconomicZones);
const formCodes = codeSet(taxonomy.exploitationForms);

/** A code that must be one of a reference list: the shape alone lets "XX" or "slavery" through. */
export const ZListed = (list: ReadonlySet<string>, what: string) =>
  z.string().refine((c) => list.has(c), { message: `not a known ${what}` });
export const ZCountry = ZListed(countryCodes, 'ISO 3166-1 country code');
export const ZVocabCode = (name: TVocabulary) => ZListed(codeSet(profileVocabulary[name]), name);
export const ZVocabCodes = (name: TVocabulary) =>
  z
    .array(ZVocabCode(name))
    .max(profileVocabulary[name].length)
    .refine((v) => new Set(v).size === v.length, { message: 'a code is repeated' });
export const ZExploitationForms = z.array(ZListed(formCodes, 'form of exploitation')).max(20);

export const traffickingStages = ['recruitment', 'transit', 'exploitation'] as const;
const placeLists = { province: provinceCodes, sez: sezCodes, country: countryCodes } as const;
/** Where a stage happened: a Lao province, a special economic zone or a country, each checked. */
export const ZStageLocation = z
  .object({
    stage: z.enum(traffickingStages),
    kind: z.enum(['province', 'sez', 'country']),
    code: z.string(),
  })
  .refine((p) => placeLists[p.kind].has(p.code), {
    message: 'not a known place of this kind',
    path: ['code'],
  });

// Form definitions: which sections (and fields in them) a hotline's forms show, as versioned data.

export const personProfileFields = [
  'recruitmentMethod',
  'recruiterRelation',
  'recruitmentPlace',
  'transitPlaces',
  'exploitationPlace',
  'transportModes',
  'borderCrossing',
  'meansOfControl',
  'labourSector',
  'exploitationStartedOn',
  'exploitationEndedOn',
  'under18AtExploitation',
  'travelDocuments',
  'documentsHeldByOthers',
  'employer',
  'wagesOwed',
  'schoolStatus',
  'livesWith',
] as const;
export const contactProfileFields = ['contactReasons'] as const;
/** Section keys are labels the desk translates; a definition chooses among them. */
export const profileSectionKeys = [
  'recruitment',
  'route',
  'exploitation',
  'documents',
  'labour',
  'youth',
  'contactReasons',
] as const;

const ZSection = <T extends readonly [string, ...string[]]>(fields: T) =>
  z.object({
    key: z.enum(profileSectionKeys),
    fields: z.array(z.enum(fields)).min(1).max(fields.length),
  });
export const ZFormDefinition = z
  .object({
    person: z.array(ZSection(personProfileFields)).max(10),
    contact: z.array(ZSection(contactProfileFields)).max(5),
  })
  .refine(
    (d) => {
      const fields = [...d.person, ...d.contact].flatMap((s) => s.fields);
      return new Set(fields).size === fields.length;
    },
    { message: 'a field appears in two sections' },
  );
export type TFormDefinition = z.infer<typeof ZFormDefinition>;
export type TPersonProfileField = (typeof personProfileFields)[number];

type TPersonSection = TFormDefinition['person'][number];
type TContactSection = TFormDefinition['contact'][number];
const recruitment: TPersonSection = {
  key: 'recruitment',
  fields: ['recruitmentMethod', 'recruiterRelation', 'recruitmentPlace'],
};
const route: TPersonSection = {
  key: 'route',
  fields: ['transitPlaces', 'exploitationPlace', 'transportModes', 'borderCrossing'],
};
const exploitation: TPersonSection = {
  key: 'exploitation',
  fields: [
    'meansOfControl',
    'labourSector',
    'exploitationStartedOn',
    'exploitationEndedOn',
    'under18AtExploitation',
  ],
};
const documents: TPersonSection = {
  key: 'documents',
  fields: ['travelDocuments', 'documentsHeldByOthers'],
};
const reasons: TContactSection = { key: 'contactReasons', fields: ['contactReasons'] };

/**
 * Version 1 of each hotline's forms, seeded once; an administrator publishes later versions.
 * 1362 (women and children, trafficking): the whole HTCDS profile and the counselling reasons.
 * 1512 (labour): the labour complaint first (employer, sector, country of work, wages owed).
 * 1554 (youth): school and family first, and the counselling reasons.
 */
export const initialFormDefinitions: Record<string, TFormDefinition> = {
  '1362': { person: [recruitment, route, exploitation, documents], contact: [reasons] },
  '1512': {
    person: [
      {
        key: 'labour',
        fields: ['employer', 'labourSector', 'exploitationPlace', 'wagesOwed'],
      },
      {
        key: 'exploitation',
        fields: ['meansOfControl', 'exploitationStartedOn', 'exploitationEndedOn'],
      },
      {
        key: 'recruitment',
        fields: ['recruitmentMethod', 'recruiterRelation', 'recruitmentPlace'],
      },
      documents,
    ],
    contact: [],
  },
  '1554': {
    person: [
      { key: 'youth', fields: ['schoolStatus', 'livesWith'] },
      recruitment,
      route,
      exploitation,
      documents,
    ],
    contact: [reasons],
  },
};
/** A hotline without a definition of its own (a new one) shows the whole profile. */
export const fallbackFormDefinition = initialFormDefinitions['1362'] as TFormDefinition;

export const ZFormDefinitionView = z.object({
  hotline: z.string(),
  /** null: no definition stored for this hotline yet; records keep no version. */
  version: z.number().int().nullable(),
  definition: ZFormDefinition,
  createdAt: z.string().nullable(),
});
export type TFormDefinitionView = z.infer<typeof ZFormDefinitionView>;

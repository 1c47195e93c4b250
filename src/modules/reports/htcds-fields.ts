/**
 * Our column list for case-level exchange in IOM's Human Trafficking Case Data Standard (HTCDS,
 * github.com/UNMigration/HTCDS, "HTCDS Field Reference"). Field names, types and picklist value
 * names are the standard's identifiers; the descriptions here are ours and say which of our
 * columns fills each field, or why we leave it empty. The standard's own text is not copied:
 * read it at the source.
 *
 * One export row is one victim or possible victim on one case (the standard's Person, Person
 * Victim Context and Case tables joined), so fields that are lists of their own (historic
 * trafficking events) or describe an organisation are not part of the row.
 */
export type THtcdsType = 'text' | 'date' | 'checkbox' | 'picklist' | 'multipicklist';

export type THtcdsField = {
  /** The standard's field name with its table prefix (prs_, vic_, cas_). */
  name: string;
  type: THtcdsType;
  /** Allowed value names for picklists; 'iso3166' for ISO 3166-1 alpha-2 country codes. */
  values?: readonly string[] | 'iso3166';
  /** Where the value comes from, or null when left empty. */
  source: string | null;
  /** Why an empty field stays empty. */
  emptyBecause?: string;
};

/**
 * Not HTCDS fields: the record key the partner needs to match a later file to this one. A case
 * code and an opaque person id, never a name. Declared so that a check can tell them apart.
 */
export const htcdsRecordKeys = ['sd_CaseCode', 'sd_PersonRef'] as const;

const identifying =
  'identifying: kept encrypted in Saiduan; a partner receives it through a consented referral, not a bulk file';

export const htcdsGenders = ['Male', 'Female', 'Transgender/NonConforming', 'Unknown'] as const;
export const htcdsCaseStatuses = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export const htcdsMethodsOfControl = [
  'DebtBondage',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'SexualAbuse',
  'FalsePromises',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'RestrictsMedicalCare',
  'ExcessiveWorkingHours',
  'UsesChildren',
  'ThreatOfLawEnforcement',
  'WithholdsNecessities',
  'WithholdsDocuments',
  'Other',
] as const;
/**
 * vic_MethodOfRecruitment's value names as the Field Reference lists them (labels with spaces,
 * unlike the other picklists). Our recruitment method codes were drawn from this list, so each
 * maps to exactly one; the standard's "Shelter" has no code of ours.
 */
export const htcdsRecruitmentMethods = [
  'Abduction',
  'Educational Facility',
  'Familial',
  'Internet (social media, online advertisement)',
  'International Marriage Broker (IMB)',
  'Intimate partner/marriage proposition',
  'Job offer/advertisement',
  'Posing as Benefactor',
  'Public Area',
  'Offer of Accommodation',
  'Shelter',
  'Smuggling, ransom',
  'Work',
  'Other',
  'Unknown',
] as const;
export type THtcdsRecruitmentMethod = (typeof htcdsRecruitmentMethods)[number];
/** Our recruitment method code (victim-profile.json) → the standard's value name. */
export const recruitmentMethodToHtcds: Readonly<Record<string, THtcdsRecruitmentMethod>> = {
  abduction: 'Abduction',
  educational_facility: 'Educational Facility',
  familial: 'Familial',
  internet: 'Internet (social media, online advertisement)',
  marriage_broker: 'International Marriage Broker (IMB)',
  intimate_partner: 'Intimate partner/marriage proposition',
  job_offer: 'Job offer/advertisement',
  posing_as_benefactor: 'Posing as Benefactor',
  public_area: 'Public Area',
  offer_of_accommodation: 'Offer of Accommodation',
  smuggling: 'Smuggling, ransom',
  work: 'Work',
  other: 'Other',
  unknown: 'Unknown',
};

export const htcdsLabourTypes = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Peddling',
  'Transportation',
  'Other',
] as const;
export const htcdsSexExploitationTypes = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const;

export const htcdsFields: readonly THtcdsField[] = [
  // Person
  { name: 'prs_FirstName', type: 'text', source: null, emptyBecause: identifying },
  { name: 'prs_SecondName', type: 'text', source: null, emptyBecause: identifying },
  { name: 'prs_Birthdate', type: 'date', source: null, emptyBecause: identifying },
  {
    name: 'prs_Gender',
    type: 'picklist',
    values: htcdsGenders,
    source: "people.sex (female, male; 'other' as Transgender/NonConforming; unknown)",
  },
  {
    name: 'prs_Deceased',
    type: 'checkbox',
    source: null,
    emptyBecause: 'not recorded by the hotline',
  },
  {
    name: 'prs_Nationality',
    type: 'picklist',
    values: 'iso3166',
    source: 'people.nationalities (the first one recorded)',
  },
  { name: 'prs_HomePhone', type: 'text', source: null, emptyBecause: identifying },
  { name: 'prs_MobilePhone', type: 'text', source: null, emptyBecause: identifying },
  { name: 'prs_Email', type: 'text', source: null, emptyBecause: identifying },
  { name: 'prs_MailingStreet', type: 'text', source: null, emptyBecause: identifying },
  { name: 'prs_MailingCity', type: 'text', source: null, emptyBecause: identifying },
  {
    name: 'prs_MailingState',
    type: 'text',
    source: 'people.residence_province_code (ISO 3166-2:LA), a province only',
  },
  {
    name: 'prs_MailingCountry',
    type: 'text',
    values: 'iso3166',
    source: "'LA' when a Lao province of residence is recorded",
  },
  // Person victim context
  {
    name: 'vic_AgreementToManagePersonalData',
    type: 'checkbox',
    source:
      'consents: true when the latest consent of some scope is granted; false when none is (or none was asked)',
  },
  {
    name: 'vic_MethodOfRecruitment',
    type: 'multipicklist',
    values: htcdsRecruitmentMethods,
    source:
      'people.recruitment_method (one code of ours, one value name each; see recruitmentMethodToHtcds)',
  },
  {
    name: 'vic_MethodsOfControl',
    type: 'multipicklist',
    values: htcdsMethodsOfControl,
    source: 'people.means_of_control (snake_case codes matching a value name; any other as Other)',
  },
  {
    name: 'vic_TypeOfLabourExploitation',
    type: 'multipicklist',
    values: htcdsLabourTypes,
    source: 'people.labour_sector when forced_labour is a form (matching a value name, else Other)',
  },
  {
    name: 'vic_TypeOfSexExploitation',
    type: 'multipicklist',
    values: htcdsSexExploitationTypes,
    source:
      'people.exploitation_forms: online_sexual_exploitation as RemoteInteractiveServices; other sexual exploitation has no finer record, so empty',
  },
  {
    name: 'vic_Vulnerabilities',
    type: 'multipicklist',
    source: null,
    emptyBecause: 'not recorded by the hotline',
  },
  // Case
  {
    name: 'cas_Status',
    type: 'picklist',
    values: htcdsCaseStatuses,
    source: 'cases.status (open and active as Active)',
  },
  {
    name: 'cas_ReferredOrganisation',
    type: 'text',
    source: "the partner units the case's referral tickets went to (English names, '; ' between)",
  },
  {
    name: 'cas_OutgoingReferralDate',
    type: 'date',
    source: "the case's first referral (Lao calendar day)",
  },
  {
    name: 'cas_ReasonForCaseClosure',
    type: 'text',
    source: null,
    emptyBecause: 'free text, kept encrypted in Saiduan',
  },
];

/** Every column of the file, in order: the record keys, then the HTCDS fields. */
export const htcdsColumns: readonly string[] = [
  ...htcdsRecordKeys,
  ...htcdsFields.map((f) => f.name),
];

import { inPeriod, type TPeriod } from './report-period.policy';
import { serviceRowKey, UNKNOWN } from './report-labels';
import type {
  TContactStatRow,
  TCounsellingTally,
  TNationalTallies,
  TPeopleTally,
  TPersonStatRow,
  TServiceStatRow,
} from './national-statistics.types';

/**
 * Count-unit rules of the national statistics. They are the specification: reports.repository.ts
 * computes the same tallies in SQL for scale and the tests hold both to the same cells. The same
 * rules are printed with every report (countUnitRules below), so the reader sees them too.
 *
 * 1. A person is counted once per row per period, however many contacts, cases or services.
 * 2. "Identified" uses the identification date: identified victims whose date falls in the period.
 *    The nationality, origin, province and form tables count these people.
 * 3. Possible victims are reported apart and never added to identified victims. Someone identified
 *    after the period's end was still a possible victim during it.
 * 4. Assisted = identified (on or before the period's end) and given at least one service in the
 *    period; sheltered, reintegrated, followed up = given that service in the period.
 * 5. A person with several forms of exploitation counts once under each form and once under
 *    "several forms"; form rows therefore add up to more than the people row.
 * 6. Female and under 18 are parts of the total; under 18 is the age at identification. Unknown
 *    sex or age counts in the total only.
 * 7. A counselling session is one contact in a counselling mode, whatever the number of people it
 *    is about. People count once per mode and once in the total; "continuing" means their first
 *    contact or their identification came before the period, "new" that neither did. When the
 *    record was created does not matter: people migrated from earlier years are continuing.
 */
export const countUnitRules = [
  {
    lo: 'ແຕ່ລະຄົນນັບພຽງຄັ້ງດຽວໃນແຕ່ລະແຖວຂອງໄລຍະ ບໍ່ວ່າຈະຕິດຕໍ່ຈັກເທື່ອ.',
    en: 'A person is counted once per row in the period, however many contacts, cases or services they had.',
  },
  {
    lo: '"ໄດ້ຮັບການກຳນົດ" ນັບຕາມວັນທີກຳນົດຕົວຜູ້ຖືກເຄາະຮ້າຍ.',
    en: '"Identified" uses the identification date; the nationality, origin, province and form tables count people identified in the period.',
  },
  {
    lo: 'ຜູ້ອາດຈະຕົກເປັນເຄາະຮ້າຍ ລາຍງານແຍກຕ່າງຫາກ.',
    en: 'Possible victims are reported apart, never added to identified victims.',
  },
  {
    lo: 'ໄດ້ຮັບການຊ່ວຍເຫຼືອ = ໄດ້ຮັບບໍລິການຢ່າງໜ້ອຍໜຶ່ງຢ່າງໃນໄລຍະ.',
    en: 'Assisted = identified and given at least one service in the period; sheltered, reintegrated and followed up likewise per service.',
  },
  {
    lo: 'ຜູ້ທີ່ຖືກຂູດຮີດຫຼາຍຮູບແບບ ນັບໜຶ່ງຄັ້ງຕໍ່ຮູບແບບ ແລະ ໜຶ່ງຄັ້ງໃນແຖວ "ຫຼາຍຮູບແບບ".',
    en: 'A person with several forms of exploitation counts once per form and once under "several forms".',
  },
  {
    lo: 'ຍິງ ແລະ ອາຍຸຕໍ່າກວ່າ 18 ປີ ແມ່ນສ່ວນໜຶ່ງຂອງທັງໝົດ; ອາຍຸ ນັບຕອນກຳນົດຕົວ.',
    en: 'Female and under 18 are parts of the total; age is the age at identification; unknown sex or age counts in the total only.',
  },
  {
    lo: 'ການໃຫ້ຄຳປຶກສາໜຶ່ງຄັ້ງ = ການຕິດຕໍ່ໜຶ່ງຄັ້ງ; ຄົນເກົ່າທີ່ສືບຕໍ່ = ຕິດຕໍ່ຄັ້ງທຳອິດ ຫຼື ຖືກກຳນົດຕົວກ່ອນໄລຍະ.',
    en: 'A counselling session is one contact; people count once per mode and once in the total; continuing = first contacted or identified before the period (whenever their record was created), new = otherwise.',
  },
] as const;

const emptyPeople = (): TPeopleTally => ({ total: 0, female: 0, under18: 0, femaleUnder18: 0 });
const emptyCounselling = (): TCounsellingTally => ({
  sessions: 0,
  people: 0,
  female: 0,
  newPeople: 0,
  continuingPeople: 0,
});

function countPerson(table: Record<string, TPeopleTally>, key: string, p: TPersonStatRow): void {
  const tally = (table[key] ??= emptyPeople());
  const female = p.sex === 'female';
  const under18 = p.under18 === true;
  tally.total += 1;
  if (female) tally.female += 1;
  if (under18) tally.under18 += 1;
  if (female && under18) tally.femaleUnder18 += 1;
}

/** Status during the period: identification after its end did not happen yet (rule 3). */
function statusDuring(p: TPersonStatRow, period: TPeriod): 'possible' | 'identified' | null {
  if (p.victimStatus === 'not_victim') return null;
  if (p.victimStatus === 'identified' && p.identifiedOn !== null && p.identifiedOn <= period.to)
    return 'identified';
  return 'possible';
}

export type TNationalInput = {
  period: TPeriod;
  people: readonly TPersonStatRow[];
  services: readonly TServiceStatRow[];
  contacts: readonly TContactStatRow[];
};

export function tallyNationalStatistics(input: TNationalInput): TNationalTallies {
  const { period } = input;
  const tallies: TNationalTallies = {
    summary: {},
    possible: {},
    nationality: {},
    origin: {},
    province: {},
    forms: {},
    services: {},
    counselling: {},
  };
  const servicesByPerson = new Map<string, Set<string>>();
  for (const s of input.services) {
    if (!inPeriod(s.givenOn, period)) continue;
    const set = servicesByPerson.get(s.personId) ?? new Set<string>();
    set.add(s.kind);
    servicesByPerson.set(s.personId, set);
  }
  const contactedInPeriod = new Set<string>();
  for (const c of input.contacts) {
    if (inPeriod(c.occurredOn, period)) for (const id of c.personIds) contactedInPeriod.add(id);
  }

  for (const p of input.people) {
    const status = statusDuring(p, period);
    const given = servicesByPerson.get(p.id) ?? new Set<string>();
    if (status === 'possible') {
      if (!contactedInPeriod.has(p.id) && given.size === 0) continue;
      countPerson(tallies.possible, 'recorded', p);
      countServiceMeasures(tallies.possible, given, p);
      continue;
    }
    if (status !== 'identified') continue;
    countServiceMeasures(tallies.summary, given, p);
    for (const kind of new Set([...given].map(serviceRowKey)))
      countPerson(tallies.services, kind, p);
    if (given.size > 0) countPerson(tallies.services, 'any', p);
    if (!inPeriod(p.identifiedOn, period)) continue;
    countPerson(tallies.summary, 'identified', p);
    countPerson(tallies.nationality, p.nationality ?? UNKNOWN, p);
    countPerson(tallies.province, p.provinceCode ?? UNKNOWN, p);
    if (p.returnedFromCountry === null) countPerson(tallies.origin, 'domestic', p);
    else {
      countPerson(tallies.origin, 'abroad', p);
      countPerson(tallies.origin, `abroad:${p.returnedFromCountry}`, p);
    }
    const forms = new Set(p.forms);
    for (const form of forms) countPerson(tallies.forms, form, p);
    if (forms.size > 1) countPerson(tallies.forms, 'several', p);
    if (forms.size === 0) countPerson(tallies.forms, 'not_recorded', p);
    countPerson(tallies.forms, 'total', p);
  }
  tallies.counselling = tallyCounselling(input);
  return tallies;
}

function countServiceMeasures(
  table: Record<string, TPeopleTally>,
  given: Set<string>,
  p: TPersonStatRow,
): void {
  if (given.size > 0) countPerson(table, 'assisted', p);
  if (given.has('shelter')) countPerson(table, 'sheltered', p);
  if (given.has('reintegration')) countPerson(table, 'reintegrated', p);
  if (given.has('follow_up')) countPerson(table, 'followed_up', p);
}

function tallyCounselling(input: TNationalInput): Record<string, TCounsellingTally> {
  const { period } = input;
  const people = new Map(input.people.map((p) => [p.id, p]));
  const firstSeen = firstSeenOn(input);
  const result: Record<string, TCounsellingTally> = {};
  const seen = new Map<string, Set<string>>();
  const count = (key: string, personIds: readonly string[]): TCounsellingTally => {
    const tally = (result[key] ??= emptyCounselling());
    const ids = seen.get(key) ?? new Set<string>();
    seen.set(key, ids);
    for (const id of personIds) {
      if (ids.has(id)) continue;
      ids.add(id);
      const p = people.get(id);
      tally.people += 1;
      if (p?.sex === 'female') tally.female += 1;
      const first = firstSeen.get(id);
      if (first !== undefined && first < period.from) tally.continuingPeople += 1;
      else tally.newPeople += 1;
    }
    return tally;
  };
  for (const c of input.contacts) {
    if (c.mode === null || !inPeriod(c.occurredOn, period)) continue;
    count(c.mode, c.personIds).sessions += 1;
    count('total', c.personIds).sessions += 1;
  }
  return result;
}

/** Each person's first contact or identification day, whichever came first (rule 7). */
function firstSeenOn(input: TNationalInput): Map<string, string> {
  const first = new Map<string, string>();
  const see = (id: string, day: string) => {
    const known = first.get(id);
    if (known === undefined || day < known) first.set(id, day);
  };
  for (const c of input.contacts) for (const id of c.personIds) see(id, c.occurredOn);
  for (const p of input.people) if (p.identifiedOn !== null) see(p.id, p.identifiedOn);
  return first;
}

import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Statistical aggregates the national report reads instead of joining a year of contacts, cases,
 * people and services (src/modules/reports/report-aggregates.repository.ts builds them). Derived
 * data only, rebuilt from the records at any time: plain statistical facts, never an encrypted or
 * identifying field. No foreign keys: a person removed by retention disappears at the next refresh.
 */

/**
 * One person in one Lao calendar year in which they were identified, contacted or given a
 * service, with what the national tables count about them in that year.
 */
export const reportPersonYears = pgTable(
  'report_person_years',
  {
    year: integer('year').notNull(),
    personId: uuid('person_id').notNull(),
    /** The person's own hotline and province: the report's hotline and province filters. */
    hotline: text('hotline').notNull(),
    provinceCode: text('province_code'),
    female: boolean('female').notNull(),
    under18: boolean('under18').notNull(),
    nationality: text('nationality').notNull(),
    /** Country abroad of the exploitation stage; null when exploited inside Lao PDR. */
    abroad: text('abroad'),
    forms: text('forms').array().notNull(),
    /** 'summary' (identified by the year's end), 'possible', or null (not a victim). */
    status: text('status'),
    identifiedInYear: boolean('identified_in_year').notNull(),
    /** Service rows given in the year (other kinds folded into 'other'). */
    services: text('services').array().notNull(),
    /** First contacted or identified before the year began (not: its record created before). */
    continuing: boolean('continuing').notNull(),
    /** Hotlines of the year's contacts about the person (any type). */
    contactHotlines: text('contact_hotlines').array().notNull(),
    /** Counselling modes of those contacts, as 'mode' and as 'mode:hotline'. */
    modes: text('modes').array().notNull(),
    hotlineModes: text('hotline_modes').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.personId] }),
    index('report_person_years_person_idx').on(t.personId),
  ],
);

/**
 * One person in one Lao calendar month in which a contact was about them: what the national
 * tables of a month, a quarter or any run of whole months ask of those contacts. A person is
 * counted once per period, so a period's people are the distinct people of its months (the
 * year's report reads report_person_years instead).
 */
export const reportPersonMonths = pgTable(
  'report_person_months',
  {
    /** The month's first day (Lao calendar). */
    month: date('month', { mode: 'string' }).notNull(),
    personId: uuid('person_id').notNull(),
    /** Hotlines of the month's contacts about the person (any type). */
    contactHotlines: text('contact_hotlines').array().notNull(),
    /** Counselling modes of those contacts, as 'mode' and as 'mode:hotline'. */
    modes: text('modes').array().notNull(),
    hotlineModes: text('hotline_modes').array().notNull(),
    /**
     * The person's facts the tables ask for, as on their people row (same column names), so a
     * period's contacted people need no join to people: refreshed with the person.
     */
    hotline: text('hotline').notNull(),
    residenceProvinceCode: text('residence_province_code'),
    sex: text('sex').notNull(),
    under18AtIdentification: boolean('under18_at_identification'),
    victimStatus: text('victim_status').notNull(),
    identificationDate: date('identification_date', { mode: 'string' }),
    firstContactAt: timestamp('first_contact_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.personId] }),
    index('report_person_months_person_idx').on(t.personId),
  ],
);

/**
 * The person-years of a year summed into the cells of the national tables, by what the hotline
 * filter looks at (the person's hotline, the hotlines and modes of their contacts, whether they
 * were given a service): the report sums a few thousand of these instead of every person-year.
 * `part` says which people a cell counts: identified in the year, touched (contacted or served),
 * or counselled in a mode.
 */
export const reportYearCells = pgTable(
  'report_year_cells',
  {
    year: integer('year').notNull(),
    hotline: text('hotline').notNull(),
    /** The people's province of residence: the report's province filter. */
    provinceCode: text('province_code'),
    contactHotlines: text('contact_hotlines').array().notNull(),
    modes: text('modes').array().notNull(),
    hotlineModes: text('hotline_modes').array().notNull(),
    served: boolean('served').notNull(),
    part: text('part', { enum: ['identified', 'touched', 'counselled'] }).notNull(),
    /** The national table and its row, as in TNationalTallies (e.g. 'forms', 'several'). */
    tableKey: text('table_key').notNull(),
    rowKey: text('row_key').notNull(),
    people: integer('people').notNull(),
    female: integer('female').notNull(),
    under18: integer('under18').notNull(),
    femaleUnder18: integer('female_under18').notNull(),
    continuing: integer('continuing').notNull(),
  },
  (t) => [index('report_year_cells_year_idx').on(t.year, t.hotline)],
);

/**
 * One person in one Lao calendar quarter in which they were identified, contacted or given a
 * service: the columns of report_person_years, for the quarter starting on `quarter`. A quarter's
 * people are distinct people, so its cells cannot be summed from its months: they are kept here.
 */
export const reportPersonQuarters = pgTable(
  'report_person_quarters',
  {
    /** The quarter's first day (Lao calendar): 1 January, April, July or October. */
    quarter: date('quarter', { mode: 'string' }).notNull(),
    personId: uuid('person_id').notNull(),
    hotline: text('hotline').notNull(),
    provinceCode: text('province_code'),
    female: boolean('female').notNull(),
    under18: boolean('under18').notNull(),
    nationality: text('nationality').notNull(),
    abroad: text('abroad'),
    forms: text('forms').array().notNull(),
    /** 'summary' (identified by the quarter's end), 'possible', or null (not a victim). */
    status: text('status'),
    identifiedInQuarter: boolean('identified_in_quarter').notNull(),
    services: text('services').array().notNull(),
    /** First contacted or identified before the quarter began. */
    continuing: boolean('continuing').notNull(),
    contactHotlines: text('contact_hotlines').array().notNull(),
    modes: text('modes').array().notNull(),
    hotlineModes: text('hotline_modes').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.quarter, t.personId] }),
    index('report_person_quarters_person_idx').on(t.personId),
  ],
);

/** The person-quarters of a quarter summed into table cells: report_year_cells for a quarter. */
export const reportQuarterCells = pgTable(
  'report_quarter_cells',
  {
    quarter: date('quarter', { mode: 'string' }).notNull(),
    hotline: text('hotline').notNull(),
    provinceCode: text('province_code'),
    contactHotlines: text('contact_hotlines').array().notNull(),
    modes: text('modes').array().notNull(),
    hotlineModes: text('hotline_modes').array().notNull(),
    served: boolean('served').notNull(),
    part: text('part', { enum: ['identified', 'touched', 'counselled'] }).notNull(),
    tableKey: text('table_key').notNull(),
    rowKey: text('row_key').notNull(),
    people: integer('people').notNull(),
    female: integer('female').notNull(),
    under18: integer('under18').notNull(),
    femaleUnder18: integer('female_under18').notNull(),
    continuing: integer('continuing').notNull(),
  },
  (t) => [index('report_quarter_cells_quarter_idx').on(t.quarter, t.hotline)],
);

/**
 * Each service event with the person it counts for and what the tables ask of that person (the
 * join national-sql.fragments.ts `serviceEventFactsSql` computes), so a year's service tables and
 * the by-agency report read one narrow table instead of joining events, tickets, referrals, case
 * links and people. Refreshed per changed person, like report_person_years.
 */
export const reportServicePeople = pgTable(
  'report_service_people',
  {
    eventId: uuid('event_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** Lao calendar days as the event recorded them (YYYY-MM-DD). */
    givenOn: text('given_on').notNull(),
    endsOn: text('ends_on'),
    code: text('code').notNull(),
    quantity: integer('quantity').notNull(),
    organisationKey: text('organisation_key'),
    /** The person's hotline and province: the reports' filters. */
    hotline: text('hotline').notNull(),
    provinceCode: text('province_code'),
    female: boolean('female').notNull(),
    male: boolean('male').notNull(),
    under18: boolean('under18').notNull(),
    /** The identification day of an identified victim; null otherwise. */
    identifiedOn: date('identified_on', { mode: 'string' }),
    nationality: text('nationality').notNull(),
  },
  (t) => [
    index('report_service_people_given_idx').on(t.givenOn),
    index('report_service_people_person_idx').on(t.personId),
  ],
);

/** Counselling sessions (contacts in a counselling mode) per Lao calendar day, hotline and mode. */
export const reportSessionDays = pgTable(
  'report_session_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    hotline: text('hotline').notNull(),
    mode: text('mode').notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.hotline, t.mode] })],
);

/**
 * Counselling sessions per Lao day, hotline and mode, by province of the people they were about:
 * a session about people of a province counts once for it, with the hotlines of those people
 * (the province filter counts a session when one of its people is of the province and, under a
 * hotline filter, of one of the hotlines).
 */
export const reportSessionProvinceDays = pgTable(
  'report_session_province_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    hotline: text('hotline').notNull(),
    mode: text('mode').notNull(),
    provinceCode: text('province_code').notNull(),
    personHotlines: text('person_hotlines').array().notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [index('report_session_province_days_idx').on(t.provinceCode, t.day)],
);

const hourColumn = () => timestamp('hour', { withTimezone: true, mode: 'date' }).notNull();

/**
 * Inbound calls per hotline and hour they started (the hour's first instant; Lao time is a whole
 * number of hours from UTC, so a UTC hour is a Lao hour), with the operations report's sums: the
 * report rolls these up by hotline, Lao day and hour of day for any period of whole days.
 */
export const reportCallHours = pgTable(
  'report_call_hours',
  {
    hour: hourColumn(),
    hotline: text('hotline').notNull(),
    calls: integer('calls').notNull(),
    queued: integer('queued').notNull(),
    answered: integer('answered').notNull(),
    answeredInTarget: integer('answered_in_target').notNull(),
    abandoned: integer('abandoned').notNull(),
    shortAbandoned: integer('short_abandoned').notNull(),
    /** Hung up in the welcome or the language menu, before reaching the queue. */
    leftInMenu: integer('left_in_menu').notNull().default(0),
    /** Callers asked the after-call question, and how many answered yes (1) or no (2). */
    afterCallAsked: integer('after_call_asked').notNull().default(0),
    afterCallYes: integer('after_call_yes').notNull().default(0),
    afterCallNo: integer('after_call_no').notNull().default(0),
    afterHours: integer('after_hours').notNull(),
    blocked: integer('blocked').notNull(),
    forwarded: integer('forwarded').notNull(),
    callbacks: integer('callbacks').notNull(),
    /** Press-1 call-backs placed, and the exact sum of seconds from request to placing them. */
    callbacksPlaced: integer('callbacks_placed').notNull().default(0),
    callbackWait: numeric('callback_wait').notNull().default('0'),
    /** Exact sum of answered calls' queue waits in seconds (numeric: sums of sums stay exact). */
    answerWait: numeric('answer_wait').notNull(),
    longestWait: doublePrecision('longest_wait').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.hotline] })],
);

/**
 * Routing offers per Lao day received, hotline of the call ('' when the call is not on record)
 * and counsellor. The routing log is append-only, so new events are added to these counts once,
 * in event id order up to `report_refresh_state.position`; later events are read directly.
 * Counsellor activity is reported per period only: days, not hours, keep this small.
 */
export const reportOfferDays = pgTable(
  'report_offer_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    hotline: text('hotline').notNull(),
    userId: text('user_id').notNull(),
    offered: integer('offered').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    timedOut: integer('timed_out').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.hotline, t.userId] })],
);

/** Contacts recorded per Lao day, hotline and counsellor, with their summed duration. */
export const reportHandleDays = pgTable(
  'report_handle_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    hotline: text('hotline').notNull(),
    counsellorId: text('counsellor_id').notNull(),
    contacts: integer('contacts').notNull(),
    handleSeconds: bigint('handle_seconds', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.hotline, t.counsellorId] })],
);

/**
 * Hours, days and people whose records were deleted or moved (db/sql/0002_report_stale.sql fills it
 * from triggers): deletions leave no updated_at stamp, so the next refresh recomputes these.
 */
export const reportStale = pgTable(
  'report_stale',
  {
    /**
     * 'call-hour' (an hour instant as text), 'contact-day' and 'day' (a Lao date, for the
     * operations and the national aggregates), 'person' (an id), 'call-offers' (a call SID whose
     * hotline changed or which was deleted).
     */
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    /** For 'call-offers': the hotline the call had before its first change since the last refresh. */
    detail: text('detail'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

/** Where the last refresh got to: changes stamped after `watermark` are not in the aggregates yet. */
export const reportRefreshState = pgTable('report_refresh_state', {
  key: text('key').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true, mode: 'date' }).notNull(),
  fullAt: timestamp('full_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** The last routing event (call_events.id) added to report_offer_days. */
  position: bigint('position', { mode: 'number' }),
});

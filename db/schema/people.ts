import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { staffUsers } from './staff';
import { victimStatuses } from '../../src/contracts/identification';

export { victimStatuses } from '../../src/contracts/identification';
import { ageBands, sexes } from '../../src/contracts/records-vocabulary';
import { traffickingStages } from '../../src/contracts/victim-profile';

export { ageBands, sexes, traffickingStages };

/** Where a stage happened: a Lao province, a special economic zone, or a country abroad (ISO code). */
export type TStageLocation = {
  stage: (typeof traffickingStages)[number];
  kind: 'province' | 'sez' | 'country';
  code: string;
};

/**
 * A victim or other party. Identifying fields are encrypted (AAD people/<column>/id). The fields
 * the national statistics aggregate (IOM Human Trafficking Case Data Standard names where one
 * exists) are plain, typed and indexed so reports can GROUP BY them.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    hotline: text('hotline').notNull(),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    fullNameEnc: text('full_name_enc'),
    aliasEnc: text('alias_enc'),
    dateOfBirthEnc: text('date_of_birth_enc'),
    addressEnc: text('address_enc'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    notesEnc: text('notes_enc'),
    sex: text('sex', { enum: sexes }).notNull().default('unknown'),
    ageAtIdentification: integer('age_at_identification'),
    ageEstimated: boolean('age_estimated').notNull().default(false),
    ageBand: text('age_band', { enum: ageBands }).notNull().default('unknown'),
    under18AtIdentification: boolean('under18_at_identification'),
    under18AtExploitation: boolean('under18_at_exploitation'),
    nationalities: text('nationalities').array().notNull().default([]),
    ethnicity: text('ethnicity'),
    /** Languages the person speaks; from the contact (the caller's menu choice) unless given. */
    languages: text('languages').array().notNull().default([]),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    residenceProvinceCode: text('residence_province_code'),
    residenceDistrict: text('residence_district'),
    victimStatus: text('victim_status', { enum: victimStatuses }).notNull().default('possible'),
    /** The identifying authority (identification.ts): police, lwu, molsw, foreign_authority. */
    identifiedBy: text('identified_by'),
    identificationDate: date('identification_date', { mode: 'string' }),
    /**
     * The earliest contact about the person (any case they are on, other parties aside): new or
     * continuing in a period. Kept exact by triggers (db/sql/0003_first_contact.sql); never set
     * by the application.
     */
    firstContactAt: timestamp('first_contact_at', { withTimezone: true, mode: 'date' }),
    exploitationForms: text('exploitation_forms').array().notNull().default([]),
    labourSector: text('labour_sector'),
    meansOfControl: text('means_of_control').array().notNull().default([]),
    recruitmentMethod: text('recruitment_method'),
    recruiterRelation: text('recruiter_relation'),
    stageLocations: jsonb('stage_locations').$type<TStageLocation[]>().notNull().default([]),
    needs: text('needs').array().notNull().default([]),
    // The rest of the HTCDS-aligned profile (victim-profile.ts holds the vocabularies).
    exploitationStartedOn: date('exploitation_started_on', { mode: 'string' }),
    exploitationEndedOn: date('exploitation_ended_on', { mode: 'string' }),
    travelDocuments: text('travel_documents').array().notNull().default([]),
    documentsHeldByOthers: boolean('documents_held_by_others'),
    transportModes: text('transport_modes').array().notNull().default([]),
    borderCrossing: text('border_crossing'),
    /** The labour line's complaint: employer name encrypted; wages owed counted in plain. */
    employerEnc: text('employer_enc'),
    wagesOwedAmount: integer('wages_owed_amount'),
    wagesOwedCurrency: text('wages_owed_currency'),
    /** The youth line's questions. */
    schoolStatus: text('school_status'),
    livesWith: text('lives_with'),
    /** The hotline's form version the person was entered with (form_definitions). */
    formVersion: integer('form_version'),
    legalHold: boolean('legal_hold').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('people_hotline_idx').on(t.hotline),
    index('people_phone_hash_idx').on(t.phoneHash),
    index('people_identification_idx').on(t.identificationDate),
    // Report aggregates: people changed since the last refresh.
    index('people_updated_idx').on(t.updatedAt),
  ],
);

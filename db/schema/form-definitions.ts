import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { TFormDefinition } from '../../src/contracts/victim-profile';
import { timestamps } from './columns';
import { hotlines } from './hotlines';
import { staffUsers } from './staff';

/**
 * Which sections each hotline's contact and victim forms show, as data. A version is never
 * changed once published: records keep the version they were entered with, so a later form
 * never reinterprets what an earlier one asked.
 */
export const formDefinitions = pgTable(
  'form_definitions',
  {
    hotline: text('hotline')
      .notNull()
      .references(() => hotlines.number),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<TFormDefinition>().notNull(),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.hotline, t.version] })],
);

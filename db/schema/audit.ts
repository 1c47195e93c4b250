import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. Writers only insert (no lock, `seq` from a sequence), so audited
 * transactions never wait for each other. A single sealer (src/modules/audit/audit-sealer.ts)
 * then chains the committed rows: it gives each its `chain_pos` and the HMAC of its content and
 * of the previous row's hash, so editing, deleting or reordering sealed rows breaks the chain
 * (`npm run audit:verify`). Unsealed rows have null chain columns; a trigger
 * (db/sql/append-only.sql) lets nothing else change a row. `data` holds ids and codes only, never
 * personal data. No updatedAt: rows are never changed.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Null until sealed. */
    prevHash: text('prev_hash'),
    /** Null until sealed. */
    hash: text('hash'),
    /** Position in the chain (1, 2, …), given by the sealer in the order it saw rows commit. */
    chainPos: bigint('chain_pos', { mode: 'number' }),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    uniqueIndex('audit_log_chain_pos_idx').on(t.chainPos),
    index('audit_log_unsealed_idx')
      .on(t.seq)
      .where(sql`${t.chainPos} is null`),
  ],
);

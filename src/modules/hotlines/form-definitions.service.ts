import { eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import {
  fallbackFormDefinition,
  initialFormDefinitions,
  type TFormDefinition,
  type TFormDefinitionView,
} from '../../contracts/victim-profile';
import { AppError } from '../../errors/catalogue';
import { recordAudit, type TDbOrTx } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import type { TRecordsDeps } from '../cases/records.deps';
import type { TFormVersions } from '../../contracts/api/form-definitions';
import {
  formVersionExists,
  insertNextFormDefinition,
  latestFormDefinition,
  listFormDefinitions,
} from './form-definitions.repository';

const inScope = (actor: TActor, hotline: string) =>
  actor.role === 'administrator' || actor.hotlines.includes(hotline);

/** The form a hotline's desk shows now; a hotline with none stored shows the whole profile. */
export async function currentFormDefinition(
  deps: Pick<TRecordsDeps, 'db'>,
  actor: TActor,
  hotline: string,
): Promise<TFormDefinitionView> {
  // Another hotline's form is not this counsellor's business: answered as not found.
  if (!inScope(actor, hotline)) throw new AppError('NOT_FOUND');
  const row = await latestFormDefinition(deps.db, hotline);
  if (row) {
    return {
      hotline,
      version: row.version,
      definition: row.definition,
      createdAt: row.createdAt.toISOString(),
    };
  }
  const definition = initialFormDefinitions[hotline] ?? fallbackFormDefinition;
  return { hotline, version: null, definition, createdAt: null };
}

/** Every version of a hotline's form for the administrator's screen; an unknown hotline is 404. */
export async function formDefinitionVersions(
  deps: Pick<TRecordsDeps, 'db'>,
  hotline: string,
): Promise<TFormVersions> {
  const [exists] = await deps.db
    .select({ number: hotlines.number })
    .from(hotlines)
    .where(eq(hotlines.number, hotline));
  if (!exists) throw new AppError('NOT_FOUND');
  const rows = await listFormDefinitions(deps.db, hotline);
  return {
    hotline,
    current: rows[0]?.version ?? null,
    versions: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    shipped: initialFormDefinitions[hotline] ?? fallbackFormDefinition,
  };
}

/** Publishes the next version; earlier versions stay as they were, for the records entered with them. */
export async function publishFormDefinition(
  deps: TRecordsDeps,
  actor: TActor,
  hotline: string,
  definition: TFormDefinition,
): Promise<TFormDefinitionView> {
  const row = await deps.db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ number: hotlines.number })
      .from(hotlines)
      .where(eq(hotlines.number, hotline));
    if (!exists) throw new AppError('NOT_FOUND');
    const created = await insertNextFormDefinition(tx, {
      hotline,
      definition,
      createdById: actor.userId,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'hotline.form_published',
      entityType: 'hotline',
      entityId: hotline,
      data: { version: created.version },
    });
    return created;
  });
  return {
    hotline,
    version: row.version,
    definition: row.definition,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The version a record is stamped with: the one the desk drew (it must exist for this hotline,
 * else 400), or the hotline's current one when the client did not say.
 */
export async function formVersionForRecord(
  db: TDbOrTx,
  hotline: string,
  asked: number | null | undefined,
): Promise<number | null> {
  if (asked === undefined || asked === null) {
    return (await latestFormDefinition(db, hotline))?.version ?? null;
  }
  if (!(await formVersionExists(db, hotline, asked))) throw new AppError('FORM_VERSION_UNKNOWN');
  return asked;
}

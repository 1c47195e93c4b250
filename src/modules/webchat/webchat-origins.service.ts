import { eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import type { TConfig } from '../../config/config';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import type { TActor } from '../auth/actor';
import { recordAudit } from '../audit/audit.repository';
import { listOrigins, replaceOrigins } from './webchat-origins.repository';

type TDeps = { db: TDatabase; config: Pick<TConfig, 'HMAC_KEY'> };

const inScope = (actor: TActor, hotline: string) =>
  actor.role === 'administrator' || actor.hotlines.includes(hotline);

async function known(deps: TDeps, hotline: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ number: hotlines.number })
    .from(hotlines)
    .where(eq(hotlines.number, hotline));
  return row !== undefined;
}

export async function webchatOriginsOf(deps: TDeps, actor: TActor, hotline: string) {
  if (!inScope(actor, hotline) || !(await known(deps, hotline))) throw new AppError('NOT_FOUND');
  return listOrigins(deps.db, hotline);
}

/** Sets the partner sites that may embed the hotline's chat; the change and its audit row together. */
export async function setWebchatOrigins(
  deps: TDeps,
  actor: TActor,
  hotline: string,
  origins: string[],
): Promise<string[]> {
  if (!inScope(actor, hotline) || !(await known(deps, hotline))) throw new AppError('NOT_FOUND');
  const unique = [...new Set(origins)].sort();
  await deps.db.transaction(async (tx) => {
    await replaceOrigins(tx, hotline, unique);
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'webchat.origins_changed',
      entityType: 'hotline',
      entityId: hotline,
      // Partner sites are public addresses, not personal data.
      data: { origins: unique },
    });
  });
  return unique;
}

import type { z } from 'zod';
import type { TAppDeps } from '../../app.types';
import type { ZHotline } from '../../contracts/hotlines';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { announceHotlineChange } from './hotline-settings.channel';
import {
  allHotlines,
  hotlineExists,
  lockHotline,
  updateHotline,
  type THotlineRow,
} from './hotlines.repository';

type THotlineView = z.infer<typeof ZHotline>;

export type THotlineChange = Partial<
  Pick<
    THotlineRow,
    | 'openingHours'
    | 'afterHours'
    | 'dutyMobile'
    | 'languages'
    | 'defaultLanguage'
    | 'recordingNotice'
    | 'afterCallQuestion'
    | 'active'
  >
>;

function toView(row: THotlineRow): THotlineView {
  return {
    number: row.number,
    nameLo: row.nameLo,
    nameEn: row.nameEn,
    phoneNumber: row.phoneNumber,
    languages: row.languages,
    defaultLanguage: row.defaultLanguage,
    openingHours: row.openingHours,
    afterHours: row.afterHours,
    dutyMobile: row.dutyMobile,
    recordingNotice: row.recordingNotice,
    afterCallQuestion: row.afterCallQuestion,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const inScope = (actor: TActor, number: string) =>
  actor.role === 'administrator' || actor.hotlines.includes(number);

export async function listHotlines(deps: TAppDeps, actor: TActor) {
  const rows = await allHotlines(deps.db);
  return rows.filter((r) => inScope(actor, r.number)).map(toView);
}

/** Saves the change and its audit row in one transaction, then tells every node to reload. */
export async function changeHotline(
  deps: TAppDeps,
  actor: TActor,
  number: string,
  change: THotlineChange,
): Promise<THotlineView> {
  const next = { ...change };
  const row = await deps.db.transaction(async (tx) => {
    const current = await lockHotline(tx, number);
    if (!current || !inScope(actor, number)) throw new AppError('NOT_FOUND');
    const languages = next.languages ?? current.languages;
    const defaultLanguage = next.defaultLanguage ?? current.defaultLanguage;
    if (!languages.includes(defaultLanguage)) throw new AppError('VALIDATION_FAILED');
    const afterHours = next.afterHours ?? current.afterHours;
    const dutyMobile = next.dutyMobile === undefined ? current.dutyMobile : next.dutyMobile;
    if (afterHours === 'forward' && !dutyMobile) throw new AppError('VALIDATION_FAILED');
    const updated = await updateHotline(tx, number, next);
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'hotline.settings_changed',
      entityType: 'hotline',
      entityId: number,
      data: { fields: Object.keys(next).sort() },
    });
    return updated;
  });
  await announceHotlineChange(deps.redis, deps.config.REDIS_PREFIX, number);
  return toView(row);
}

/** NOT_FOUND unless the hotline exists (its prompts and settings hang off it). */
export async function requireHotline(deps: Pick<TAppDeps, 'db'>, number: string): Promise<void> {
  if (!(await hotlineExists(deps.db, number))) throw new AppError('NOT_FOUND');
}

import type { TConfig } from '../../config/config';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import type { TAnswerChange, TAnswerSetting } from './answer-on.policy';
import { readAnswerSetting, saveAnswerSetting } from './answer-on.repository';

type TDeps = { db: TDatabase; config: TConfig };

/** Where a staff member's accepted calls ring; NOT_FOUND for an unknown user. */
export async function answerSettingOf(deps: TDeps, userId: string): Promise<TAnswerSetting> {
  const setting = await readAnswerSetting(deps, userId);
  if (!setting) throw new AppError('NOT_FOUND');
  return setting;
}

/** Saves a change of where calls ring, audited (the repository writes the audit row with it). */
export async function changeAnswerSetting(
  deps: TDeps,
  actorId: string,
  userId: string,
  change: TAnswerChange,
): Promise<TAnswerSetting> {
  return saveAnswerSetting(deps, actorId, userId, change);
}

import { AppError } from '../../errors/catalogue';
import type { TActor } from '../auth/actor';
import { assertCan, type TScopedResource } from '../auth/permissions.policy';
import type { TAction } from '../auth/permissions.table';

/** Where a case belongs, for can(): its hotline, province and the counsellor responsible. */
export function caseResource(row: {
  hotline: string;
  ownerId: string | null;
  provinceCode: string | null;
}): TScopedResource {
  return { hotline: row.hotline, ownerIds: [row.ownerId], provinceCode: row.provinceCode };
}

/**
 * assertCan on a case, answering a case the actor may not see exactly as a case that does not
 * exist (CASE_NOT_FOUND): a different code would tell a probing user which case ids are real.
 */
export function assertCanOnCase(
  actor: TActor,
  action: TAction,
  row: Parameters<typeof caseResource>[0],
  viewAction?: TAction,
): void {
  try {
    assertCan(actor, action, caseResource(row), viewAction);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('CASE_NOT_FOUND');
    throw err;
  }
}

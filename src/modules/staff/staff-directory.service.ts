import type { TDatabase } from '../../infra/database';
import type { TActor } from '../auth/actor';
import { activeStaff, staffNames } from './staff-directory.repository';

/**
 * Who is who, so live views that carry only user ids (the wallboard) can show names.
 * Supervisors see the staff of their hotlines; administrators see everyone.
 */
export async function staffDirectory(db: TDatabase, actor: TActor) {
  const rows = await activeStaff(db);
  return actor.role === 'administrator'
    ? rows
    : rows.filter((r) => r.hotlines.some((h) => actor.hotlines.includes(h)));
}

/** Names of these colleagues, alphabetical (nothing else: no states, figures or languages). */
export async function colleagueNames(db: TDatabase, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await staffNames(db, userIds);
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

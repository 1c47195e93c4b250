import { asc, inArray, isNull } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/staff';
import type { TDatabase } from '../../infra/database';

/** Everyone whose account is in use, by name: who is who, without anything personal. */
export async function activeStaff(db: TDatabase) {
  return db
    .select({
      userId: staffUsers.id,
      displayName: staffUsers.displayName,
      role: staffUsers.role,
      hotlines: staffUsers.hotlines,
      languages: staffUsers.languages,
    })
    .from(staffUsers)
    .where(isNull(staffUsers.disabledAt))
    .orderBy(asc(staffUsers.displayName));
}

export async function staffNames(db: TDatabase, userIds: string[]) {
  return db
    .select({ userId: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, userIds));
}

import { asc, sql } from 'drizzle-orm';
import { serviceKinds } from '../../../../db/schema/services';
import type { TDatabase } from '../../../infra/database';
import type { TTx } from './tickets.repository';

export type TServiceKind = { code: string; lo: string; en: string };

/** The services a partner unit of this kind can record, in catalogue order. */
export async function serviceKindsFor(
  db: TDatabase | TTx,
  partnerKind: string,
): Promise<TServiceKind[]> {
  return db
    .select({ code: serviceKinds.code, lo: serviceKinds.labelLo, en: serviceKinds.labelEn })
    .from(serviceKinds)
    .where(sql`${partnerKind} = any(${serviceKinds.partnerKinds})`)
    .orderBy(asc(serviceKinds.sort), asc(serviceKinds.code));
}

/** Whether a partner unit of this kind offers the service (catalogue row). */
export async function offersService(
  db: TDatabase | TTx,
  partnerKind: string,
  code: string,
): Promise<boolean> {
  const kinds = await serviceKindsFor(db, partnerKind);
  return kinds.some((k) => k.code === code);
}

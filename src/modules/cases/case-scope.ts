import type { TScopedResource } from '../auth/permissions.policy';

/** Where a case belongs, for can(): its hotline, province and the counsellor responsible. */
export function caseResource(row: {
  hotline: string;
  ownerId: string | null;
  provinceCode: string | null;
}): TScopedResource {
  return { hotline: row.hotline, ownerIds: [row.ownerId], provinceCode: row.provinceCode };
}

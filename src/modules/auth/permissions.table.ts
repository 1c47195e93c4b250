import type { TStaffRole } from '../../../db/schema/staff';

/**
 * How far a grant reaches: records the actor owns, records of their hotlines, of their partner
 * organisation, of their province, or everything.
 */
export type TScope = 'own' | 'hotline' | 'organisation' | 'province' | 'all';

type TGrants = Partial<Record<TStaffRole, TScope>>;

const caseWorkers: TGrants = { counsellor: 'hotline', supervisor: 'hotline' };
const supervisorOnly: TGrants = { supervisor: 'hotline' };
const adminOnly: TGrants = { administrator: 'all' };

/**
 * Permissions as data: action × role → scope. A role missing from an action has no access.
 * Other modules add their actions here; routes declare one with `config.permission`.
 */
export const permissionsTable = {
  'case.list': caseWorkers,
  'case.view': caseWorkers,
  'case.create': caseWorkers,
  'case.update': { counsellor: 'own', supervisor: 'hotline' },
  'case.status': caseWorkers,
  'case.legal-hold': supervisorOnly,
  'case.note': caseWorkers,
  'contact.view': caseWorkers,
  'contact.create': caseWorkers,
  'contact.update': { counsellor: 'own', supervisor: 'hotline' },
  'person.view': caseWorkers,
  'person.create': caseWorkers,
  'person.update': caseWorkers,
  'consent.view': caseWorkers,
  'consent.record': caseWorkers,
  'caller.lookup': caseWorkers,
  'caller.flag': supervisorOnly,
  'record.search': caseWorkers,
  'user.view': { supervisor: 'hotline', administrator: 'all' },
  'user.manage': adminOnly,
  'retention.manage': adminOnly,
  'audit.view': { supervisor: 'hotline', administrator: 'all' },
  'keys.rotate': adminOnly,
} as const satisfies Record<string, TGrants>;

export type TAction = keyof typeof permissionsTable;

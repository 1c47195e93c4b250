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
  /** Recording a person's victim status, who identified them and when (audited, on the timeline). */
  'person.identify': caseWorkers,
  'consent.view': caseWorkers,
  'consent.record': caseWorkers,
  'caller.lookup': caseWorkers,
  'caller.flag': supervisorOnly,
  'record.search': caseWorkers,
  'user.view': { supervisor: 'hotline', administrator: 'all' },
  'user.manage': adminOnly,
  /** A counsellor's capacity per channel (calls, chats at once): her supervisor may set it too. */
  'user.capacity': { supervisor: 'hotline', administrator: 'all' },
  'retention.manage': adminOnly,
  'audit.view': { supervisor: 'hotline', administrator: 'all' },
  'audit.verify': adminOnly,
  'blocklist.view': adminOnly,
  'blocklist.manage': adminOnly,
  /** Ending an abusive web chat and keeping its visitor out for a while (audited). */
  'webchat.block': caseWorkers,
  'webchat.unblock': { supervisor: 'hotline', administrator: 'all' },
  'escalation.view': { supervisor: 'hotline', administrator: 'all' },
  'keys.rotate': adminOnly,
  'routing.presence': { counsellor: 'own', supervisor: 'own' },
  'routing.offer': { counsellor: 'own', supervisor: 'own' },
  'routing.call-control': { counsellor: 'own', supervisor: 'own' },
  'routing.monitor': supervisorOnly,
  'routing.view': { counsellor: 'hotline', supervisor: 'hotline', administrator: 'all' },
  /** Names of available colleagues on one's hotlines, for a warm transfer. */
  'colleague.list': caseWorkers,
  'routing.figures': { supervisor: 'hotline', administrator: 'all' },
  'routing.prioritise': supervisorOnly,
  'routing.assign': supervisorOnly,
  /** Chats waiting, a conversation's transcript (audited), replying to and ending a chat. */
  'chat.list': caseWorkers,
  'chat.view': caseWorkers,
  'chat.reply': caseWorkers,
  /** The desk's canned replies (read), and administrators' list of them per hotline (managed). */
  'canned-reply.view': { counsellor: 'hotline', supervisor: 'hotline', administrator: 'all' },
  'canned-reply.manage': adminOnly,
  /** Web chat visitors blocked for abuse, listed to lift a block. */
  'webchat.blocks.view': { supervisor: 'hotline', administrator: 'all' },
  'callback.list': caseWorkers,
  'callback.take': caseWorkers,
  'missed-call.list': caseWorkers,
  'hotline.view': { supervisor: 'hotline', administrator: 'all' },
  // The desk draws its contact and victim forms from the hotline's form definition.
  'form.view': { counsellor: 'hotline', supervisor: 'hotline', administrator: 'all' },
  'hotline.manage': adminOnly,
  'referral.request': caseWorkers,
  'referral.view': caseWorkers,
  'referral.withdraw': caseWorkers,
  /** Sending a partner held back for consent, for a recorded reason (audited). */
  'referral.consent-override': caseWorkers,
  'consent-requirement.view': { supervisor: 'all', administrator: 'all' },
  'consent-requirement.manage': adminOnly,
  'delivery.failed.view': { supervisor: 'hotline', administrator: 'all' },
  'delivery.resend': { supervisor: 'hotline', administrator: 'all' },
  'partner.view': { counsellor: 'all', supervisor: 'all', administrator: 'all' },
  'partner.manage': adminOnly,
  'referral-rule.view': { supervisor: 'all', administrator: 'all' },
  'referral-rule.manage': adminOnly,
  'ticket.list': { partner_agent: 'organisation', partner_manager: 'organisation' },
  'ticket.view': { partner_agent: 'organisation', partner_manager: 'organisation' },
  'ticket.act': { partner_agent: 'organisation', partner_manager: 'organisation' },
  'report.view': { statistician: 'all', supervisor: 'hotline', administrator: 'all' },
  /**
   * Asking the worker to bring the report aggregates up to date now (audited): whoever reads
   * reports may need exact figures; the refresh reveals nothing and costs one incremental pass.
   */
  'report.refresh': { statistician: 'all', supervisor: 'hotline', administrator: 'all' },
  /** Importing historical records from a file, and undoing an import (audited). */
  'import.run': adminOnly,
  'report.export': { statistician: 'all', supervisor: 'hotline', administrator: 'all' },
  /**
   * Case-level HTCDS records for a partner with a data-exchange agreement: more than statistics,
   * so administrators only (every download audited with its row count and period).
   */
  'report.htcds-export': adminOnly,
} as const satisfies Record<string, TGrants>;

export type TAction = keyof typeof permissionsTable;

import { describe, expect, it } from 'vitest';
import type { TConsentFacts } from '../../../src/modules/referrals/consent/consent.policy';
import {
  planDispatch,
  type TReferralRow,
  type TUnitRow,
} from '../../../src/modules/referrals/dispatch/dispatch-plan.policy';
import { dispatchRecord } from '../../../src/modules/referrals/dispatch/dispatch-record.policy';
import { alwaysOpen, rule, subject } from '../../fixtures/referrals';

const now = new Date('2026-03-02T03:00:00Z');

function unit(id: string, overrides: Partial<TUnitRow> = {}): TUnitRow {
  return {
    id,
    organisationKey: `org-${id}`,
    nameLo: id,
    nameEn: id,
    kind: 'shelter',
    services: [],
    provinces: [],
    languages: [],
    hours: alwaysOpen,
    intake: { sexes: [], minAge: null, maxAge: null, nationalities: [] },
    focalPoints: [],
    usesSystem: true,
    webhookUrl: null,
    webhookSecretEnc: null,
    smsNumbers: [],
    active: true,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const referral: TReferralRow = {
  id: 'ref-1',
  caseId: 'case-1',
  personId: 'person-1',
  hotline: '1362',
  requestedBy: 'counsellor-1',
  needs: ['shelter', 'police'],
  priority: 'urgent',
  subject: subject(),
  dangerOverride: false,
  overrideJustificationEnc: null,
  status: 'stored',
  unroutedNeeds: [],
  blockedUnitIds: [],
  dispatchedAt: null,
  referredAt: now,
  createdAt: now,
  updatedAt: now,
};

const shared = { scope: 'share_with_service_providers', granted: true, givenBy: 'self' };
const police = { scope: 'report_to_police', granted: true, givenBy: 'self' };
const adult: TConsentFacts = {
  isChild: false,
  consents: [shared],
  dangerOverride: false,
  overrideJustification: null,
};

const units = new Map(
  [
    unit('shelter', { webhookUrl: 'https://partner.example/hook', smsNumbers: ['+8562055501'] }),
    unit('police', { kind: 'police', usesSystem: false, webhookUrl: 'https://police.example' }),
  ].map((u) => [u.id, u]),
);
const rules = [
  rule({ need: 'shelter', unitId: 'shelter' }),
  rule({ need: 'police', unitId: 'police' }),
];

function plan(facts: TConsentFacts, needs = referral.needs) {
  let n = 0;
  return planDispatch({
    referral: { ...referral, needs },
    rules,
    units,
    facts,
    requirements: [],
    now,
    newId: () => `id-${++n}`,
  });
}

describe('planDispatch', () => {
  it('makes one pending ticket per unit with its due times and one delivery per channel', () => {
    const p = plan({ ...adult, consents: [shared, police] });
    expect(p.status).toBe('dispatched');
    expect(p.tickets.map((t) => [t.ticket.unitId, t.consentBasis])).toEqual([
      ['shelter', 'consent'],
      ['police', 'consent'],
    ]);
    const [shelter] = p.tickets;
    expect(shelter?.ticket).toMatchObject({
      referralId: 'ref-1',
      caseId: 'case-1',
      organisationKey: 'org-shelter',
      state: 'pending',
      version: 1,
      escalationLevel: 0,
      priority: 'urgent',
    });
    expect(shelter?.ticket.dueAcknowledgeAt).toEqual(new Date(now.getTime() + 60 * 60_000));
    expect(shelter?.deliveries.map((d) => [d.channel, d.ticketId, d.status])).toEqual([
      ['portal', shelter?.ticket.id, 'pending'],
      ['webhook', shelter?.ticket.id, 'pending'],
      ['sms', shelter?.ticket.id, 'pending'],
    ]);
    const ids = p.tickets.flatMap((t) => [t.ticket.id, ...t.deliveries.map((d) => d.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps the police out of an adult's referral without recorded consent, and says so", () => {
    const p = plan(adult);
    expect(p.tickets.map((t) => t.ticket.unitId)).toEqual(['shelter']);
    expect(p.blockedUnitIds).toEqual(['police']);
    expect(dispatchRecord(referral, p).audits).toEqual([
      { action: 'referral.consent_blocked', data: { blockedUnitIds: ['police'] } },
    ]);
    expect(plan(adult, ['police']).status).toBe('blocked_consent');
  });

  it('lets imminent danger with a written reason override, audited with the tickets', () => {
    const p = plan({
      ...adult,
      dangerOverride: true,
      overrideJustification: 'Trafficker is at the door now',
    });
    expect(p.consentOverridden).toBe(true);
    expect(dispatchRecord(referral, p).audits).toEqual([
      {
        action: 'referral.consent_overridden',
        data: { requestedBy: 'counsellor-1', ticketIds: p.tickets.map((t) => t.ticket.id) },
      },
    ]);
  });

  it('holds back a shelter without consent to share, with the scope that is missing', () => {
    const p = plan({ ...adult, consents: [] }, ['shelter']);
    expect(p.status).toBe('blocked_consent');
    expect(p.tickets).toEqual([]);
    expect(p.holds).toEqual([
      {
        unitId: 'shelter',
        needs: ['shelter'],
        alternateUnitId: null,
        scope: 'share_with_service_providers',
        reason: 'consent_missing',
      },
    ]);
  });

  it('leaves a need no rule serves unrouted, on the timeline and not audited', () => {
    const p = plan(adult, ['legal_aid']);
    expect(p).toMatchObject({ status: 'unrouted', unrouted: ['legal_aid'], tickets: [] });
    const record = dispatchRecord(referral, p);
    expect(record.audits).toEqual([]);
    expect(record.timeline).toMatchObject({ status: 'unrouted', unroutedNeeds: ['legal_aid'] });
  });
});

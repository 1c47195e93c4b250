import { describe, expect, it } from 'vitest';
import type { TActor } from '../../../src/modules/auth/actor';
import { can, isAction, scopeOf } from '../../../src/modules/auth/permissions.policy';
import { sessionExpired } from '../../../src/modules/auth/session.policy';

const actor = (over: Partial<TActor>): TActor => ({
  userId: 'u1',
  role: 'counsellor',
  displayName: 'x',
  hotlines: ['1362'],
  languages: ['lo'],
  organisationKey: null,
  provinceCode: null,
  sessionId: 's',
  ...over,
});

describe('can()', () => {
  it('lets a counsellor read cases of their hotlines only', () => {
    const c = actor({});
    expect(can(c, 'case.view', { hotline: '1362' })).toBe(true);
    expect(can(c, 'case.view', { hotline: '1554' })).toBe(false);
    expect(can(c, 'case.view', { hotline: '1554', ownerIds: ['u1'] })).toBe(true);
  });

  it('limits an own-scope grant to the owner even on the same hotline', () => {
    const c = actor({});
    expect(can(c, 'case.update', { hotline: '1362', ownerIds: ['u2'] })).toBe(false);
    expect(can(c, 'case.update', { hotline: '1362', ownerIds: ['u1'] })).toBe(true);
    expect(can(actor({ role: 'supervisor' }), 'case.update', { hotline: '1362' })).toBe(true);
  });

  it('gives roles without a grant nothing, whatever the record', () => {
    for (const role of ['statistician', 'partner_agent', 'partner_manager'] as const) {
      expect(can(actor({ role }), 'case.view')).toBe(false);
      expect(can(actor({ role }), 'case.view', { hotline: '1362', ownerIds: ['u1'] })).toBe(false);
    }
    expect(scopeOf(actor({ role: 'administrator' }), 'user.manage')).toBe('all');
  });

  it('recognises only actions from the table', () => {
    expect(isAction('case.view')).toBe(true);
    expect(isAction('case.destroy-everything')).toBe(false);
    expect(isAction('toString')).toBe(false);
  });
});

describe('session time-outs', () => {
  const limits = { idleMs: 1000, absoluteMs: 5000 };
  it('expires after an idle gap or at the absolute age', () => {
    expect(sessionExpired({ userId: 'u', createdAt: 0, lastSeenAt: 0 }, 999, limits)).toBe(false);
    expect(sessionExpired({ userId: 'u', createdAt: 0, lastSeenAt: 0 }, 1001, limits)).toBe(true);
    expect(sessionExpired({ userId: 'u', createdAt: 0, lastSeenAt: 4900 }, 5001, limits)).toBe(
      true,
    );
  });
});

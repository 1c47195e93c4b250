import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { staffRoles, type TStaffRole } from '../../../db/schema/staff';
import { can } from '../../../src/modules/auth/permissions.policy';
import type { TAction } from '../../../src/modules/auth/permissions.table';
import { createStaff, loginAs } from '../../fixtures/staff';
import { ORIGIN, routingHarness } from '../../fixtures/routing-harness';

const CALL = `CA${'0'.repeat(32)}`;

/**
 * Every client→server event of src/contracts/realtime.ts, the permission it needs ('session'
 * = any signed-in user) and a payload that passes validation, so a refusal can only come from
 * the permission check. A new event without an entry here fails the first test.
 */
const events: Record<string, { permission: TAction | 'session'; payload: object }> = {
  'state:sync': { permission: 'session', payload: {} },
  'presence:set': { permission: 'routing.presence', payload: { state: 'away', reason: 'break' } },
  'wrapup:end': { permission: 'routing.presence', payload: {} },
  'call:accept': { permission: 'routing.offer', payload: { offerId: 'of_none' } },
  'call:reject': { permission: 'routing.offer', payload: { offerId: 'of_none' } },
  'call:hold': { permission: 'routing.call-control', payload: { callSid: CALL, hold: true } },
  'call:mute': { permission: 'routing.call-control', payload: { callSid: CALL, muted: true } },
  'call:transfer': {
    permission: 'routing.call-control',
    payload: { callSid: CALL, to: { kind: 'queue', hotline: '1362', language: 'lo' } },
  },
  'call:add-party': {
    permission: 'routing.call-control',
    payload: { callSid: CALL, role: 'interpreter', to: '+8562055500001' },
  },
  'call:hangup': { permission: 'routing.call-control', payload: { callSid: CALL } },
  'call:monitor': { permission: 'routing.monitor', payload: { callSid: CALL, mode: 'listen' } },
  'call:monitor-stop': { permission: 'routing.monitor', payload: {} },
  // Typing in a chat: only with the right to reply; then only its holder (others: NOT_FOUND).
  'chat:typing': {
    permission: 'chat.reply',
    payload: { conversationId: '00000000-0000-4000-8000-000000000000' },
  },
  'queue:assign': { permission: 'routing.assign', payload: { callSid: CALL, userId: 'u_none' } },
  'queue:prioritise': {
    permission: 'routing.prioritise',
    payload: { callSid: CALL, reason: 'child', boostMinutes: 5 },
  },
};

/** Client→server event names as written in the contract's TClientToServerEvents type. */
function contractEvents(): string[] {
  const source = readFileSync(
    resolve(import.meta.dirname, '../../../src/contracts/realtime.ts'),
    'utf8',
  );
  const block = source.slice(source.indexOf('export type TClientToServerEvents'));
  const body = block.slice(0, block.indexOf('\n};'));
  return [...body.matchAll(/^\s+'([a-z-]+:[a-z-]+)':/gm)].map((m) => m[1] as string);
}

let h: Awaited<ReturnType<typeof routingHarness>>;
const sockets = new Map<TStaffRole, Socket | string>();

beforeAll(async () => {
  h = await routingHarness({ nodes: 1 });
  for (const role of staffRoles) {
    const staff = await createStaff(h.stores, {
      role,
      ...(role.startsWith('partner') ? { organisationKey: 'lwu-cwpc' } : {}),
    });
    const cookie = await loginAs(h.nodes[0] as never, staff);
    const socket = connect(h.urlOf(0), {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: ORIGIN },
      reconnection: false,
      forceNew: true,
    });
    const outcome = await new Promise<string>((done) => {
      socket.once('connect', () => done('connected'));
      socket.once('connect_error', (err) => done(err.message));
    });
    sockets.set(role, outcome === 'connected' ? socket : outcome);
  }
});
afterAll(async () => {
  for (const s of sockets.values()) if (typeof s !== 'string') s.disconnect();
  await h?.close();
});

describe('socket events', () => {
  it('every client→server event of the contract has a declared permission here', () => {
    const declared = contractEvents();
    expect(declared.length).toBeGreaterThan(5);
    expect(declared.filter((e) => !(e in events))).toEqual([]);
  });

  it('refuses an event exactly when the role lacks its permission', async () => {
    const mismatches: string[] = [];
    for (const role of staffRoles) {
      const socket = sockets.get(role);
      if (typeof socket === 'string' || !socket) continue;
      const actor = { role } as Parameters<typeof can>[0];
      for (const [event, spec] of Object.entries(events)) {
        const granted = spec.permission === 'session' || can(actor, spec.permission);
        const answer = (await (socket.timeout(5000) as Socket)
          .emitWithAck(event, spec.payload)
          .catch(() => ({ error: 'NO_ACK' }))) as { error?: string };
        const refused = answer.error === 'FORBIDDEN';
        if (granted === refused || answer.error === 'NO_ACK' || answer.error === 'INTERNAL')
          mismatches.push(
            `${role} ${event}: granted=${granted} answer=${JSON.stringify(answer).slice(0, 80)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('shows partner users and statisticians no queue or counsellor on the routing socket', async () => {
    for (const role of ['partner_agent', 'partner_manager', 'statistician'] as const) {
      const socket = sockets.get(role);
      if (typeof socket === 'string' || !socket) continue;
      const answer = (await socket.emitWithAck('state:sync', {})) as {
        data: { queues: unknown[]; counsellors: unknown[]; offer: unknown };
      };
      expect(answer.data.queues).toEqual([]);
      expect(answer.data.counsellors).toEqual([]);
      expect(answer.data.offer).toBeNull();
    }
  });
});

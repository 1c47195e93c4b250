import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ne } from 'drizzle-orm';
import { organisations } from '../../../db/schema/reference';
import { openRedis } from '../../../src/infra/redis';
import { jobContracts } from '../../../src/jobs/index';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import type { TWorkerDeps } from '../../../workers/worker-deps';
import { connectCounsellor, type TCounsellorClient } from '../../fixtures/counsellor-client';
import { staffCall } from '../../fixtures/records';
import {
  insertRule,
  insertUnit,
  seedOrganisations,
  workerDepsFor,
} from '../../fixtures/referrals-world';
import { eventually } from '../../fixtures/simulator.fixture';
import { createStaff, loginAs } from '../../fixtures/staff';
import { answerSoftphones, deskCounsellor, type TDeskCounsellor } from '../../faults/support/desk';
import { startFaultRig, type TFaultRig } from '../../faults/support/fault-rig';

// PII canary for Socket.IO: a caller with canary personal data rings, a counsellor takes the
// call, records the contact and the person, and refers them to a shelter; the shelter's partner
// agent acts on the ticket with a note. Every frame each live client receives is kept raw. By
// contract (src/contracts/realtime.ts) no personal field travels over sockets to anyone, so each
// recipient's allowance below is empty; the partner also never learns the call or the case.
const canary = {
  phone: '+8562099770001',
  phoneDigits: '2099770001',
  name: 'Canaryframe Keomany',
  personName: 'Canaryperson Sisouk',
  summary: 'canary-frame-summary-1183',
  codeWord: 'canary-frame-codeword-27',
  note: 'canary-frame-note-5521',
  partnerNote: 'canary-frame-partner-note-90',
};
type TRecipient = 'counsellor' | 'supervisor' | 'partner' | 'otherPartner';
const allowed: Record<TRecipient, Array<keyof typeof canary>> = {
  counsellor: [],
  supervisor: [],
  partner: [],
  otherPartner: [],
};

let rig: TFaultRig;
let deps: TWorkerDeps;
let running: TRunningWorkers;
let desk: TDeskCounsellor;
const clients: TCounsellorClient[] = [];
const frames: Record<TRecipient, string[]> = {
  counsellor: [],
  supervisor: [],
  partner: [],
  otherPartner: [],
};

/** Records every packet the client's engine receives (events, acks), as raw text. */
function capture(client: TCounsellorClient, into: string[]): void {
  into.push(...client.snapshots.map((s) => JSON.stringify(s)));
  client.socket.io.engine.on('packet', (packet: { data?: unknown }) => {
    if (packet.data !== undefined) into.push(String(packet.data));
  });
}

async function liveClient(role: 'supervisor' | 'partner_agent', organisationKey?: string) {
  const staff = await createStaff(rig.stores, {
    role,
    ...(organisationKey ? { organisationKey } : {}),
  });
  const client = await connectCounsellor({
    url: rig.apiUrls[0] as string,
    cookie: await loginAs(rig.app, staff),
    origin: new URL(rig.stores.config.PUBLIC_BASE_URL).origin,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  rig = await startFaultRig({ msPerSecond: 20, env: { ROUTING_WRAP_UP_MS: '0' } });
  await seedOrganisations(rig.stores);
  const unit = await insertUnit(rig.stores, { organisationKey: 'lwu-cwpc', usesSystem: true });
  await insertRule(rig.stores, { need: 'shelter', unitId: unit.id });
  deps = workerDepsFor(rig.stores);
  running = startWorkers({
    contracts: jobContracts,
    processors,
    connection: openRedis(rig.stores.config.REDIS_URL as string, 'worker'),
    deps,
  });
}, 90_000);
afterAll(async () => {
  desk?.close();
  for (const c of clients) c.close();
  await running?.close();
  await deps?.queues.close();
  deps?.redis.disconnect();
  await rig?.close();
});

describe('PII canary in Socket.IO frames', () => {
  it('sends no personal field to anyone, and nothing of the call or case to partners', async () => {
    const [other] = await rig.stores.database.db
      .select({ key: organisations.key })
      .from(organisations)
      .where(ne(organisations.key, 'lwu-cwpc'))
      .limit(1);
    desk = await deskCounsellor(rig, rig.apiUrls[0] as string);
    capture(desk.client, frames.counsellor);
    capture(await liveClient('supervisor'), frames.supervisor);
    const partner = await liveClient('partner_agent', 'lwu-cwpc');
    capture(partner, frames.partner);
    capture(await liveClient('partner_agent', other?.key ?? 'none'), frames.otherPartner);

    const phones = answerSoftphones(rig.sim);
    const call = rig.sim.placeCall({
      hotline: '1362',
      from: canary.phone,
      digits: ['1'],
      hangupAfterSeconds: 300,
    });
    await eventually(() => desk.accepted.includes(call.sid), 20_000);

    const cookie = await loginAs(rig.app, desk.staff);
    const kase = await staffCall(rig.app, cookie, 'POST', '/cases', {
      hotline: '1362',
      summary: canary.summary,
    });
    expect(kase.status).toBe(201);
    const caseId = kase.body.id as string;
    const contact = await staffCall(rig.app, cookie, 'POST', '/contacts', {
      hotline: '1362',
      caseId,
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
      callerPhone: canary.phone,
      callerName: canary.name,
      summary: canary.summary,
      codeWord: canary.codeWord,
      noSms: true,
    });
    expect(contact.status).toBe(201);
    const person = await staffCall(rig.app, cookie, 'POST', `/cases/${caseId}/people`, {
      role: 'victim',
      fullName: canary.personName,
      sex: 'female',
      nationalities: ['LA'],
      exploitationForms: ['forced_labour'],
      victimStatus: 'possible',
    });
    expect(person.status).toBe(201);
    const personId = person.body.id as string;
    expect(
      (await staffCall(rig.app, cookie, 'POST', `/cases/${caseId}/notes`, { body: canary.note }))
        .status,
    ).toBe(201);
    // A shelter needs the person's consent to share with service providers.
    const consent = await staffCall(rig.app, cookie, 'POST', `/people/${personId}/consents`, {
      scope: 'share_with_service_providers',
      granted: true,
      givenBy: 'self',
      method: 'verbal_phone',
    });
    expect(consent.status).toBe(201);
    const referral = await staffCall(rig.app, cookie, 'POST', '/referrals', {
      caseId,
      personId,
      needs: ['shelter'],
      priority: 'urgent',
    });
    expect(referral.status).toBe(201);

    // The shelter finds its ticket, acts on it with a note; the counsellor sees it move live.
    await eventually(() => frames.counsellor.some((f) => f.includes('ticket:updated')), 20_000);
    const partnerCookie = await loginAs(
      rig.app,
      await createStaff(rig.stores, { role: 'partner_agent', organisationKey: 'lwu-cwpc' }),
    );
    const inbox = await rig.app.inject({
      url: '/api/partner/tickets',
      headers: { cookie: partnerCookie },
    });
    const ticketId = (inbox.json() as Array<{ id: string }>)[0]?.id as string;
    for (const action of ['acknowledge', 'accept'])
      expect(
        (
          await rig.app.inject({
            method: 'POST',
            url: `/api/partner/tickets/${ticketId}/actions`,
            headers: { cookie: partnerCookie },
            payload: { action, note: canary.partnerNote },
          })
        ).statusCode,
      ).toBe(200);
    await eventually(
      () => frames.counsellor.some((f) => f.includes(ticketId) && f.includes('accepted')),
      20_000,
    );
    for (const c of [desk.client, ...clients]) await c.socket.emitWithAck('state:sync', {});
    phones.stop();

    const leaked = (text: string) =>
      (Object.keys(canary) as Array<keyof typeof canary>).filter((k) => text.includes(canary[k]));
    for (const who of Object.keys(frames) as TRecipient[]) {
      expect(frames[who].length, `${who} received frames`).toBeGreaterThan(0);
      const extra = leaked(frames[who].join('\n')).filter((k) => !allowed[who].includes(k));
      expect(extra, `personal fields in the ${who}'s frames`).toEqual([]);
    }
    // The intended partner may learn of its ticket live, never of the call, case or person.
    const partnerText = frames.partner.join('\n');
    for (const secret of [call.sid, caseId, personId]) expect(partnerText).not.toContain(secret);
    // Another organisation's partner hears nothing of this ticket at all.
    const otherText = frames.otherPartner.join('\n');
    for (const secret of [ticketId, call.sid, caseId, personId])
      expect(otherText).not.toContain(secret);
  }, 90_000);
});

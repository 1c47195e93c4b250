import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCaseWithPerson, storeReferral } from '../../fixtures/referrals-world';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { printFigures, settledReferrals } from '../support/invariants.checker';
import { startWorkerProcess, type TChild } from '../support/processes';
import { shelterPartner, type TShelterPartner } from '../support/shelter-partner';

// Fault: a worker's event loop blocked (a CPU-bound bug) for longer than its job lock, before
// the referral job's work and again after it, while a second worker process runs. BullMQ sees
// the job stalled and hands it to the other worker; the blocked one wakes up and carries on.
// The job has run twice: still exactly one ticket, one delivery, one idempotency key.
const LOCK_MS = 1000;
const BLOCK_MS = 6000;
let stores: TTestStores;
let world: TShelterPartner;
const children: TChild[] = [];

beforeAll(async () => {
  stores = await createTestStores({ REFERRAL_RETRY_BASE_MS: '100' });
  world = await shelterPartner(stores);
});
afterAll(async () => {
  await Promise.all(children.map((c) => c.kill()));
  await world?.close();
  await stores?.cleanup();
});

describe('fault: a worker event loop blocked past its job lock', () => {
  it.each(['before', 'after'] as const)(
    'runs a referral job blocked %s its work to exactly one ticket and one delivery',
    async (blockAt) => {
      const env = { FAULT_LOCK_MS: String(LOCK_MS) };
      // The rescuer starts idle, so the job surely goes to the worker that will block first.
      const [blocker, rescuer] = await Promise.all([
        startWorkerProcess(stores.config, {
          ...env,
          FAULT_BLOCK_MS: String(BLOCK_MS),
          FAULT_BLOCK_AT: blockAt,
        }),
        startWorkerProcess(stores.config, { ...env, FAULT_HOLD: '1' }),
      ]);
      children.push(blocker, rescuer);
      const { deps, partner, unitId } = world;
      const seenBefore = partner.received.length;
      const { referralId } = await storeReferral(stores, deps.queues, {
        ...(await insertCaseWithPerson(stores)),
        needs: ['shelter'],
      });
      await blocker.waitFor('blocking', 20_000);
      rescuer.child.kill('SIGUSR2');
      // The other worker takes the stalled job over while the first is still blocked.
      await rescuer.waitFor(`active referral-dispatch ${referralId}`, BLOCK_MS + 10_000);
      await blocker.waitFor('unblocked', BLOCK_MS + 10_000);

      const figures = await settledReferrals(
        stores.database.db,
        [referralId],
        [unitId],
        partner.received,
      );
      printFigures({
        scenario: `worker event loop blocked ${BLOCK_MS / 1000}s ${blockAt} a referral job`,
        ...figures,
        partnerRequests: partner.received.length - seenBefore,
      });
      expect(figures.problems).toEqual([]);
      expect(partner.received.every((r) => r.signatureValid)).toBe(true);
      await Promise.all([blocker.stop(), rescuer.stop()]);
    },
    60_000,
  );
});

import type { TWorkerDeps } from '../../../workers/worker-deps';
import {
  insertRule,
  insertUnit,
  seedOrganisations,
  webhookReceiver,
  workerDepsFor,
  type TReceived,
} from '../../fixtures/referrals-world';
import type { TTestStores } from '../../support/test-stores';

export type TShelterPartner = {
  deps: TWorkerDeps;
  partner: { url: string; received: TReceived[]; close: () => Promise<void> };
  unitId: string;
  /** Closes the partner's endpoint and the worker connections (not the stores). */
  close: () => Promise<void>;
};

/**
 * The referral side of a fault run: one shelter unit taking every shelter need through a signed
 * webhook that records what it receives, and worker dependencies to store referrals with.
 */
export async function shelterPartner(stores: TTestStores): Promise<TShelterPartner> {
  await seedOrganisations(stores);
  const deps = workerDepsFor(stores);
  let secret = '';
  const partner = await webhookReceiver(() => secret);
  const unit = await insertUnit(stores, { webhookUrl: partner.url });
  secret = unit.secret;
  await insertRule(stores, { need: 'shelter', unitId: unit.id });
  return {
    deps,
    partner,
    unitId: unit.id,
    close: async () => {
      await partner.close();
      await deps.queues.close();
      deps.redis.disconnect();
    },
  };
}

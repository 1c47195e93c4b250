import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { staffUsers } from '../../../db/schema/staff';
import { JobQueues } from '../../../src/jobs/job-queues';
import { openRedis } from '../../../src/infra/redis';
import { requestReferral } from '../../../src/modules/referrals/request/request-referral.service';
import type { TReferralNeed } from '../../../src/contracts/referral-vocabulary';
import { startE2eSystem, type TE2eSystem } from './e2e-system';

/** The system and a handle on its job queues, for tests that request referrals themselves. */
export type TReferralDesk = { system: TE2eSystem; queues: JobQueues };

/**
 * Starts the system (and a queue handle) before the enclosing describe's tests and stops both
 * after them. The fields are filled in by beforeAll: read them inside the tests.
 */
export function referralDesk(): TReferralDesk {
  const rig = {} as TReferralDesk;
  beforeAll(async () => {
    rig.system = await startE2eSystem();
    rig.queues = new JobQueues(
      openRedis(rig.system.stores.config.REDIS_URL ?? '', 'worker'),
      rig.system.stores.config.REDIS_PREFIX,
    );
  }, 180_000);
  afterAll(async () => {
    await rig.queues?.close();
    await rig.system?.stop();
  });
  return rig;
}

/** An urgent referral asked for by the demo counsellor, through the service the desk's API uses. */
export async function requestAsCounsellor(
  { system, queues }: TReferralDesk,
  input: { caseId: string; personId: string; needs: TReferralNeed[] },
): Promise<{ referralId: string }> {
  const { db } = system.stores.database;
  const [noy] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.username, system.login('counsellor').username));
  if (!noy) throw new Error('demo counsellor missing');
  return requestReferral(
    { db, config: system.stores.config, queues },
    {
      userId: noy.id,
      role: 'counsellor',
      displayName: noy.displayName,
      hotlines: noy.hotlines,
      languages: noy.languages,
      organisationKey: null,
      provinceCode: null,
      sessionId: 'e2e',
    },
    { ...input, priority: 'urgent' },
    new Date(),
  );
}

const smsBody = (system: TE2eSystem, to: string) =>
  [...system.sim.engine.state.messages.values()].find((m) => m.to === to)?.body;

/** The SMS the workers sent a partner's number, once sent (20 s at most), and its ticket link. */
export async function partnerLinkSms(
  system: TE2eSystem,
  to: string,
): Promise<{ body: string; link: URL }> {
  await expect.poll(() => smsBody(system, to), { timeout: 20_000 }).toMatch(/\/partner\/link#/);
  const body = smsBody(system, to) ?? '';
  return { body, link: new URL(body.slice(body.indexOf('http')).trim()) };
}

import { and, eq, inArray } from 'drizzle-orm';
import { referrals } from '../../../db/schema/referrals';
import { deliveries, tickets } from '../../../db/schema/tickets';
import type { TDatabase } from '../../../src/infra/database';
import { isCallStatus, isTerminal } from '../../../src/modules/voice/calls/call-state.policy';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import type { TSimCall } from '../../../src/simulator/sim-state';
import type { TFaultRig } from './fault-rig';

export type TScenarioFigures = {
  scenario: string;
  calls: number;
  referrals: number;
  lost: number;
  duplicated: number;
  webhooks: number;
  overDeadline: number;
  serverErrors: number;
  /** Slowest answer as the API timed it, and as the caller's side (the proxy) saw it. */
  slowestMs: number;
  proxySlowestMs: number;
};

/** Each request the API logged as answered ("request completed"): where, and in how many ms. */
function answeredRequests(lines: string[]): Array<{ where: string; ms: number }> {
  const answered: Array<{ where: string; ms: number }> = [];
  for (const line of lines) {
    if (!line.includes('"request completed"')) continue;
    const parsed = JSON.parse(line) as {
      req?: { method?: string; url?: string; path?: string };
      responseTime?: number;
    };
    if (typeof parsed.responseTime !== 'number') continue;
    const where = `${parsed.req?.method ?? '?'} ${parsed.req?.url ?? parsed.req?.path ?? '?'}`;
    answered.push({ where, ms: parsed.responseTime });
  }
  return answered;
}

/** Webhook answer times the API itself logged (responseTime in ms). */
export function serverWebhookTimes(lines: string[]): number[] {
  return answeredRequests(lines).map((r) => r.ms);
}

/** The webhooks the API answered later than `deadlineMs`, as "METHOD path (ms)", for a report. */
export function slowWebhooks(lines: string[], deadlineMs: number): string[] {
  return answeredRequests(lines)
    .filter((r) => r.ms > deadlineMs)
    .map((r) => `${r.where} (${Math.round(r.ms)} ms)`);
}

/**
 * The invariants after a scenario: every simulated call has exactly one row in a terminal
 * state (else lost), and nothing of it is left waiting in Redis (else a ghost: duplicated).
 * Webhook answers are judged against the deadline Twilio would give up at.
 */
export async function checkCalls(
  rig: TFaultRig,
  scenario: string,
  placed: TSimCall[],
): Promise<TScenarioFigures & { problems: string[] }> {
  const calls = callsRepository(rig.stores.database.db);
  const queue = waitingQueue(rig.redis, rig.stores.config.REDIS_PREFIX);
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  for (const call of placed) {
    const row = await calls.findCall(call.sid);
    if (!row || !isCallStatus(row.status) || !isTerminal(row.status)) {
      lost++;
      problems.push(`${call.sid}: ${row ? `left in ${row.status}` : 'no row'}`);
    }
    const waiting = await queue.position(call.sid, '1362').catch(() => null);
    if (waiting !== null) {
      duplicated++;
      problems.push(`${call.sid}: still waiting in Redis after the call ended`);
    }
  }
  const deadline = rig.stores.config.WEBHOOK_DEADLINE_MS;
  const answers = rig.proxy.answers;
  // The proxy shares this process's event loop with the simulator and the test, so its timings
  // include their load; the deadline is judged on the API's own timing of each answer.
  const serverTimes = serverWebhookTimes(rig.logs.lines);
  const over = serverTimes.filter((ms) => ms > deadline);
  const errors = answers.filter((a) => a.status >= 500);
  for (const a of errors) problems.push(`webhook ${a.path} answered ${a.status}`);
  return {
    scenario,
    calls: placed.length,
    referrals: 0,
    lost,
    duplicated,
    webhooks: answers.length,
    overDeadline: over.length,
    serverErrors: errors.length,
    slowestMs: Math.round(Math.max(0, ...serverTimes)),
    proxySlowestMs: Math.round(Math.max(0, ...answers.map((a) => a.ms))),
    problems,
  };
}

/** One line per scenario, printed so a run shows its figures. */
export function printFigures(figures: { scenario: string } & Record<string, unknown>): void {
  const { scenario, ...rest } = figures;
  console.log(
    `[fault] ${scenario}: ${Object.entries(rest)
      .filter(([k]) => k !== 'problems')
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ')}`,
  );
}

/**
 * Writes a webhook could not make in time are replayed by the reconciler (every 2 s), so the
 * invariants are checked until they hold or `boundMs` has passed: lost means "not within the bound".
 */
export async function settledFigures(
  rig: TFaultRig,
  scenario: string,
  placed: TSimCall[],
  boundMs = 15_000,
): Promise<TScenarioFigures & { problems: string[] }> {
  const until = Date.now() + boundMs;
  for (;;) {
    const figures = await checkCalls(rig, scenario, placed);
    if (figures.problems.length === 0 || Date.now() > until) return figures;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** What the partner endpoint saw: one entry per request, keyed as the partner dedupes them. */
export type TPartnerReceipt = { idempotencyKey: string };

export type TReferralFigures = {
  referrals: number;
  lost: number;
  duplicated: number;
  problems: string[];
};

/**
 * The referral invariants: every accepted referral is dispatched with exactly one ticket per
 * unit its rules pick (`expectedUnits`), each ticket has exactly one webhook delivery of its
 * creation, that delivery is delivered, and the partner received it under exactly one
 * idempotency key (repeats of the same key are allowed: the partner drops them). Missing is
 * lost; a second ticket, delivery or key is duplicated.
 */
export async function checkReferrals(
  db: TDatabase,
  referralIds: string[],
  expectedUnits: string[],
  received: TPartnerReceipt[],
): Promise<TReferralFigures> {
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  const keysSeen = new Set(received.map((r) => r.idempotencyKey));
  for (const id of referralIds) {
    const [referral] = await db.select().from(referrals).where(eq(referrals.id, id));
    if (referral?.status !== 'dispatched') {
      lost++;
      problems.push(`referral ${id}: ${referral ? `left ${referral.status}` : 'no row'}`);
      continue;
    }
    const rows = await db.select().from(tickets).where(eq(tickets.referralId, id));
    for (const unit of expectedUnits) {
      const ofUnit = rows.filter((t) => t.unitId === unit);
      if (ofUnit.length === 0) {
        lost++;
        problems.push(`referral ${id}: no ticket for unit ${unit}`);
      } else if (ofUnit.length > 1) {
        duplicated++;
        problems.push(`referral ${id}: ${ofUnit.length} tickets for unit ${unit}`);
      }
    }
    const stray = rows.filter((t) => !expectedUnits.includes(t.unitId));
    if (stray.length) {
      duplicated++;
      problems.push(`referral ${id}: tickets for unexpected units`);
    }
    if (!rows.length) continue;
    const sent = await db
      .select()
      .from(deliveries)
      .where(
        and(
          inArray(
            deliveries.ticketId,
            rows.map((t) => t.id),
          ),
          eq(deliveries.channel, 'webhook'),
          eq(deliveries.event, 'ticket.created'),
        ),
      );
    for (const ticket of rows) {
      const mine = sent.filter((d) => d.ticketId === ticket.id);
      const keys = mine.filter((d) => keysSeen.has(d.id));
      if (mine.length > 1 || keys.length > 1) {
        duplicated++;
        problems.push(`ticket ${ticket.id}: ${mine.length} deliveries, ${keys.length} keys`);
      } else if (mine[0]?.status !== 'delivered' || keys.length === 0) {
        lost++;
        problems.push(`ticket ${ticket.id}: ${mine[0] ? mine[0].status : 'no delivery'}`);
      }
    }
  }
  return { referrals: referralIds.length, lost, duplicated, problems };
}

/** Referral invariants checked until they hold or `boundMs` has passed (jobs may still run). */
export async function settledReferrals(
  db: TDatabase,
  referralIds: string[],
  expectedUnits: string[],
  received: TPartnerReceipt[],
  boundMs = 20_000,
): Promise<TReferralFigures> {
  const until = Date.now() + boundMs;
  for (;;) {
    const figures = await checkReferrals(db, referralIds, expectedUnits, received);
    if (figures.problems.length === 0 || Date.now() > until) return figures;
    await new Promise((r) => setTimeout(r, 250));
  }
}

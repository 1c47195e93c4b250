import { isCallStatus, isTerminal } from '../../../src/modules/telephony/call-state.policy';
import { callsRepository } from '../../../src/modules/telephony/calls.repository';
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

/** Webhook answer times the API itself logged ("request completed", responseTime in ms). */
export function serverWebhookTimes(lines: string[]): number[] {
  const times: number[] = [];
  for (const line of lines) {
    if (!line.includes('"request completed"')) continue;
    const parsed = JSON.parse(line) as { responseTime?: number };
    if (typeof parsed.responseTime === 'number') times.push(parsed.responseTime);
  }
  return times;
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
export function printFigures(figures: TScenarioFigures): void {
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

import { partnerSmsBody, smsLanguage } from './sms-text.policy';
import type { TConfig } from '../../../config/config';
import type { TDatabase } from '../../../infra/database';
import { decryptField } from '../../crypto/field-cipher';
import { keyringFromConfig } from '../../crypto/keyring';
import { subjectForPartner } from '../partner-view.policy';
import type { TTelephonyProvider } from '../../telephony/telephony.provider';
import type { TTicketNotifier } from '../tickets/ticket-notifier.provider';
import {
  loadDelivery,
  markAttemptFailed,
  markDelivered,
  smsSenderNumber,
  type TLoadedDelivery,
} from './deliveries.repository';
import { createMagicLink } from './magic-links.repository';
import { verdictFor } from './retry.policy';
import { postWebhookJson, WebhookPostError } from './webhook-post.provider';
import { parseAllowHosts } from './webhook-target.policy';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature.policy';

export type TDeliverDeps = {
  db: TDatabase;
  config: TConfig;
  notifier: TTicketNotifier;
  sendSms: TTelephonyProvider['sendSms'];
};

export type TDeliverOutcome =
  { result: 'delivered' | 'skipped' } | { result: 'retry' | 'give_up'; error: string };

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * One attempt at one delivery. The delivery id is the idempotency key, so a partner that got
 * the message but whose answer we lost sees the same key again and can ignore it. `preloaded`:
 * the rows as the caller just wrote them (the dispatch worker delivers what it created without
 * reading it back).
 */
export async function deliverOnce(
  deps: TDeliverDeps,
  deliveryId: string,
  /** `timeoutMs`: how long a webhook may take to answer (10 s unless the caller is in a hurry). */
  attempt: { isLast: boolean; timeoutMs?: number },
  now: Date,
  preloaded?: TLoadedDelivery,
): Promise<TDeliverOutcome> {
  const loaded = preloaded ?? (await loadDelivery(deps.db, deliveryId));
  if (!loaded || loaded.delivery.status !== 'pending') return { result: 'skipped' };
  const outcome = await attemptChannel(deps, loaded, now, attempt.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  if (outcome.result === 'delivered') {
    await markDelivered(deps.db, deliveryId, outcome.status, now);
    return { result: 'delivered' };
  }
  const final = outcome.result === 'give_up' || attempt.isLast;
  await markAttemptFailed(deps.db, deliveryId, { ...outcome, final }, now);
  if (final) {
    deps.notifier.toSupervisors('delivery:failed', {
      deliveryId,
      ticketId: loaded.ticket.id,
      channel: loaded.delivery.channel,
    });
  }
  return { result: outcome.result, error: outcome.error };
}

type TAttempt =
  | { result: 'delivered'; status: number | null }
  | { result: 'retry' | 'give_up'; status: number | null; error: string };

async function attemptChannel(
  deps: TDeliverDeps,
  d: TLoadedDelivery,
  now: Date,
  timeoutMs: number,
): Promise<TAttempt> {
  switch (d.delivery.channel) {
    case 'portal':
      return pushToPortal(deps, d);
    case 'webhook':
      return postWebhook(deps, d, now, timeoutMs);
    case 'sms':
      return sendSmsLink(deps, d, now);
  }
}

function pushToPortal(deps: TDeliverDeps, d: TLoadedDelivery): TAttempt {
  const audienceUsers = d.unit.focalPoints
    .filter((f) =>
      d.delivery.audience === 'manager' ? f.role === 'manager' : f.role === 'focal_point',
    )
    .flatMap((f) => (f.staffUserId ? [f.staffUserId] : []));
  if (d.delivery.audience === 'unit') deps.notifier.toPartner(d.ticket, d.delivery.event);
  else deps.notifier.toUsers(d.ticket, d.delivery.event, audienceUsers);
  return { result: 'delivered', status: null };
}

export function webhookBody(d: TLoadedDelivery, now: Date): string {
  return JSON.stringify({
    id: d.delivery.id,
    event: d.delivery.event,
    occurredAt: now.toISOString(),
    ticket: {
      id: d.ticket.id,
      state: d.ticket.state,
      priority: d.ticket.priority,
      needs: d.ticket.needs,
      escalationLevel: d.ticket.escalationLevel,
      dueAcknowledgeAt: d.ticket.dueAcknowledgeAt,
      dueDecideAt: d.ticket.dueDecideAt,
    },
    subject: subjectForPartner(d.unit.kind, d.referral.subject),
  });
}

async function postWebhook(
  deps: TDeliverDeps,
  d: TLoadedDelivery,
  now: Date,
  timeoutMs: number,
): Promise<TAttempt> {
  if (!d.unit.webhookUrl || !d.unit.webhookSecretEnc)
    return { result: 'give_up', status: null, error: 'webhook_not_configured' };
  const secret = decryptField(
    keyringFromConfig(deps.config),
    { table: 'partner_units', column: 'webhook_secret_enc', rowId: d.unit.id },
    d.unit.webhookSecretEnc,
  );
  const body = webhookBody(d, now);
  try {
    const status = await postWebhookJson({
      url: d.unit.webhookUrl,
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(Date.now() / 1000)),
        [IDEMPOTENCY_HEADER]: d.delivery.id,
      },
      body,
      timeoutMs,
      allowHosts: parseAllowHosts(deps.config.PARTNER_WEBHOOK_ALLOW_HOSTS),
    });
    const verdict = verdictFor(status);
    // The status class only: the list of failed deliveries must not map a partner's network.
    return verdict === 'delivered'
      ? { result: 'delivered', status }
      : { result: verdict, status, error: `http_${Math.floor(status / 100)}xx` };
  } catch (err) {
    const code = err instanceof WebhookPostError ? err.code : 'unreachable';
    // An address we refuse to reach will not become reachable by retrying.
    return { result: code === 'address_refused' ? 'give_up' : 'retry', status: null, error: code };
  }
}

async function sendSmsLink(deps: TDeliverDeps, d: TLoadedDelivery, now: Date): Promise<TAttempt> {
  const numbers =
    d.delivery.audience === 'unit'
      ? d.unit.smsNumbers
      : d.unit.focalPoints
          .filter((f) =>
            d.delivery.audience === 'manager' ? f.role === 'manager' : f.role === 'focal_point',
          )
          .flatMap((f) => (f.smsNumber ? [f.smsNumber] : []));
  if (!numbers.length) return { result: 'delivered', status: null };
  const from = await smsSenderNumber(deps.db, d.referral.hotline);
  if (!from) return { result: 'give_up', status: null, error: 'no_sender_number' };
  const token = await createMagicLink(deps.db, d.ticket.id, deps.config.MAGIC_LINK_TTL_HOURS, now);
  const link = `${deps.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/partner/link#${token}`;
  const body = partnerSmsBody({
    language: smsLanguage(d.unit.languages),
    overdue: d.delivery.event.startsWith('ticket.escalated'),
    priority: d.ticket.priority,
    link,
  });
  try {
    for (const to of numbers) await deps.sendSms({ to, from, body });
    return { result: 'delivered', status: null };
  } catch (err) {
    const status = (err as { status?: number }).status ?? null;
    const verdict = verdictFor(status);
    return {
      result: verdict === 'delivered' ? 'retry' : verdict,
      status,
      error: `sms_${status ?? 'network'}`,
    };
  }
}

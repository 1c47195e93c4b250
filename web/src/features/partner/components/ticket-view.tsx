import { useCallback, useEffect, useState } from 'react';
import { formatDate, formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { exploitationOptions, provinceOptions } from '../../../shared/reference/reference-data';
import type { TOption } from '../../../shared/ui/field';
import { ErrorText } from '../../../shared/ui/error-text';
import { fetchTicket, type TTicket, type TTicketAction } from '../api/partner.api';

const FINAL_STATES: ReadonlySet<string> = new Set(['completed', 'declined', 'withdrawn']);
import { TicketActions } from './ticket-actions';
import { TicketWork } from './ticket-work';
import { serviceLabel } from './service-label';

const subjectOrder = [
  'sex',
  'age',
  'isChild',
  'nationality',
  'provinceCode',
  'languages',
  'interpreterNeeded',
  'exploitationForms',
] as const;

function SubjectList({ subject }: { subject: TTicket['subject'] }) {
  const { t, i18n } = useT('partner');
  const language = i18n.language === 'en' ? 'en' : 'lo';
  // Codes become words in the reader's language; an unknown code is still shown as it is.
  const fromOptions = (options: TOption[]) => (code: string) =>
    options.find((o) => o.value === code)?.label ?? code;
  const labelOf: Partial<Record<(typeof subjectOrder)[number], (code: string) => string>> = {
    sex: (c) => t(`sexes.${c}`, { defaultValue: c }),
    nationality: (c) => t(`countries.${c}`, { defaultValue: c }),
    provinceCode: fromOptions(provinceOptions(language)),
    languages: (c) => t(`languageNames.${c}`, { defaultValue: c }),
    exploitationForms: fromOptions(exploitationOptions(language)),
  };
  const show = (field: (typeof subjectOrder)[number], value: unknown) => {
    if (typeof value === 'boolean') return value ? t('fields.yes') : t('fields.no');
    const label = labelOf[field] ?? String;
    if (Array.isArray(value)) return value.map((v) => label(String(v))).join(', ') || '—';
    return value === null || value === undefined || value === '' ? '—' : label(String(value));
  };
  return (
    <dl className="partner-subject">
      {subjectOrder
        .filter((field) => field in subject)
        .map((field) => (
          <div key={field}>
            <dt>{t(`fields.${field}`)}</dt>
            <dd data-testid={`subject-${field}`}>{show(field, subject[field])}</dd>
          </div>
        ))}
    </dl>
  );
}

/** One ticket with only what the partner may see (the server already cut it to their kind). */
export function TicketView({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useT('partner');
  const [ticket, setTicket] = useState<TTicket | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    fetchTicket(ticketId).then((tk) => {
      setTicket(tk);
      setError(null);
    }, setError);
  }, [ticketId]);
  useEffect(load, [load]);
  // Signed-in partners hear their organisation's tickets live (an SMS link's page has no socket).
  useRealtimeEvent('ticket:updated', (u) => {
    if (u.ticketId === ticketId) load();
  });
  // A final state (completed, declined) ends an SMS link's session at once, so the answer to the
  // action is shown as it is instead of reading the ticket again (which that session no longer may).
  const acted = useCallback(
    (action: TTicketAction, state: TTicket['state']) => {
      if (!FINAL_STATES.has(state)) return load();
      setTicket((tk) =>
        tk
          ? {
              ...tk,
              state,
              outcome: action.action === 'complete' ? action.outcome : tk.outcome,
              declineReason: action.action === 'decline' ? action.reason : tk.declineReason,
            }
          : tk,
      );
    },
    [load],
  );

  if (!ticket)
    return error ? (
      <ErrorText error={error} />
    ) : (
      <p className="loading">{t('common:status.loading')}</p>
    );
  const due: Array<[string, string | null]> = [
    ['ticket.dueAcknowledge', ticket.state === 'pending' ? ticket.dueAcknowledgeAt : null],
    ['ticket.dueDecide', ticket.state === 'acknowledged' ? ticket.dueDecideAt : null],
    [
      'ticket.dueResolve',
      ['accepted', 'in_progress', 'on_hold'].includes(ticket.state) ? ticket.dueResolveAt : null,
    ],
  ];
  return (
    <article className="partner-ticket" data-testid="ticket">
      <header className="panel">
        <h1>
          {t('ticket.title')}:{' '}
          {ticket.needs.map((n) => t(`common:needs.${n}`, { defaultValue: n })).join(', ')}
        </h1>
        <p>
          <span className="tag" data-testid="ticket-state">
            {t(`states.${ticket.state}`)}
          </span>{' '}
          <span className="tag">
            {t(`priorities.${ticket.priority}`, { defaultValue: ticket.priority })}
          </span>
          {ticket.escalationLevel ? (
            <span className="tag tag--danger">
              {t('ticket.escalated', { level: ticket.escalationLevel })}
            </span>
          ) : null}
        </p>
        <p className="muted">
          {t('ticket.unit')}: {i18n.language === 'en' ? ticket.unit.nameEn : ticket.unit.nameLo}
        </p>
        {due
          .filter(([, at]) => at)
          .map(([key, at]) => (
            <p key={key}>
              <strong>{t(key)}</strong> {formatDateTime(at ?? '')}
            </p>
          ))}
        {ticket.declineReason ? (
          <p>
            {t('ticket.declineReason')}: {t(`reasons.${ticket.declineReason}`)}
          </p>
        ) : null}
        {ticket.outcome ? (
          <p>
            {t('ticket.outcome')}: {t(`outcomes.${ticket.outcome}`)}
          </p>
        ) : null}
      </header>

      <TicketActions ticket={ticket} onChanged={acted} />

      <section className="panel">
        <h2>{t('ticket.person')}</h2>
        <SubjectList subject={ticket.subject} />
        <p className="muted">{t('ticket.privacy')}</p>
      </section>

      <TicketWork ticket={ticket} onChanged={load} />

      <section className="panel">
        <h2>{t('ticket.services')}</h2>
        {ticket.services.length ? (
          <ul data-testid="services">
            {ticket.services.map((s, i) => (
              <li key={i}>
                {serviceLabel(ticket, s.service, i18n.language)} ×{s.quantity} —{' '}
                {formatDate(`${s.givenOn}T12:00:00+07:00`)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('ticket.noServices')}</p>
        )}
      </section>

      <section className="panel">
        <h2>{t('ticket.history')}</h2>
        <ol className="partner-history">
          {ticket.events.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>{' '}
              {t(`events.${e.type}`, { defaultValue: e.type })}
              {e.toState ? ` → ${t(`states.${e.toState}`, { defaultValue: e.toState })}` : ''}
              {e.toState === 'withdrawn' && typeof e.data.reason === 'string'
                ? ` · ${t(`withdrawReasons.${e.data.reason}`, { defaultValue: e.data.reason })}`
                : ''}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

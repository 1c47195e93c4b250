import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TPartnerKind } from '../../../../../src/contracts/partner-directory';
import {
  referralSubjectFrom,
  subjectForPartner,
} from '../../../../../src/contracts/referral-subject';
import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import { exploitationOptions, provinceOptions } from '../../../shared/reference/reference-data';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { SelectField, TextArea } from '../../../shared/ui/field';
import type { TPerson } from '../api/people.api';
import {
  listReferrals,
  referralNeeds,
  referralPriorities,
  requestReferral,
  type TReferral,
} from '../api/referrals.api';
import { ActionError } from './action-error';
import { HeldPartners } from './held-partners';
import { referralTag } from './referral-tag.policy';
import { WithdrawTicket } from './withdraw-ticket';

const finalTicketStates: ReadonlySet<string> = new Set(['completed', 'declined', 'withdrawn']);

// The kind of partner each need goes to, to preview what that kind of partner is shown.
const kindForNeed: Record<(typeof referralNeeds)[number], TPartnerKind> = {
  shelter: 'shelter',
  police: 'police',
  labour: 'labour',
  medical: 'health',
  legal_aid: 'legal_aid',
  psychosocial: 'counselling',
  education_vocational: 'ngo',
  reintegration: 'social_welfare',
  repatriation: 'repatriation',
};

type TProps = { caseId: string; caseProvinceCode: string | null; people: TPerson[] };

/** Referral requests of the case with their live ticket states, and a new request with preview. */
export function ReferralSection({ caseId, caseProvinceCode, people }: TProps) {
  const { t, i18n } = useT('case');
  const { connection } = useRealtime();
  const [referrals, setReferrals] = useState<TReferral[]>([]);
  const [personId, setPersonId] = useState(people[0]?.id ?? '');
  const [needs, setNeeds] = useState<string[]>([]);
  const [priority, setPriority] = useState<string>('urgent');
  const [danger, setDanger] = useState('');
  const [error, setError] = useState<unknown>(null);
  // "Request sent" belongs to the request just sent: any change starts the next one afresh.
  const [sent, setSent] = useState(false);
  const choosePerson = (id: string) => {
    setPersonId(id);
    setSent(false);
  };
  const chooseNeeds = (next: string[]) => {
    setNeeds(next);
    setSent(false);
  };

  const reload = useCallback(() => {
    listReferrals(caseId).then(setReferrals, setError);
  }, [caseId]);
  useEffect(reload, [reload, connection]);
  useRealtimeEvent('ticket:updated', reload);
  useEffect(() => {
    if (!personId && people[0]) setPersonId(people[0].id);
  }, [people, personId]);
  // Consent recorded elsewhere on the case (the people above) may release a held partner.
  useEffect(reload, [reload, people]);
  // A release is the worker's: look again until every partner asked for is sent or still held.
  const releasing = referrals.some((r) => r.holds.some((h) => h.releasing));
  useEffect(() => {
    if (!releasing) return;
    const timer = setTimeout(reload, 1500);
    return () => clearTimeout(timer);
  }, [releasing, reload, referrals]);

  const person = people.find((p) => p.id === personId);
  const subject = person
    ? referralSubjectFrom({
        person: { ...person, under18AtIdentification: person.under18AtIdentification },
        caseProvinceCode,
      })
    : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSent(false);
    try {
      await requestReferral(caseId, {
        personId,
        needs,
        priority,
        ...(danger.trim() ? { dangerJustification: danger.trim() } : {}),
      });
      setSent(true);
      setNeeds([]);
      setDanger('');
      setPriority('urgent');
      reload();
    } catch (err) {
      setError(err);
    }
  };

  const provinces = new Map(provinceOptions(currentUiLanguage()).map((o) => [o.value, o.label]));
  const forms = new Map(exploitationOptions(currentUiLanguage()).map((o) => [o.value, o.label]));
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'boolean') return t(value ? 'referral.yes' : 'referral.no');
    if (field === 'sex') return t(`person.sexes.${String(value)}`);
    if (field === 'provinceCode') return provinces.get(String(value)) ?? String(value);
    if (field === 'exploitationForms' && Array.isArray(value))
      return value.map((f) => forms.get(String(f)) ?? String(f)).join(', ') || '—';
    if (field === 'languages' && Array.isArray(value))
      return (
        value
          .map((l) => t(`desk:languages.${String(l)}`, { defaultValue: String(l) }))
          .join(', ') || '—'
      );
    return Array.isArray(value) ? value.join(', ') || '—' : String(value);
  };

  return (
    <section className="panel" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('referral.title')}</h2>
      {referrals.length === 0 ? <p className="muted">{t('referral.none')}</p> : null}
      <ul className="referral-list" data-testid="referrals">
        {referrals.map((r) => (
          <li key={r.id}>
            <strong>
              {r.needs.map((n) => t(`referral.needList.${n}`, { defaultValue: n })).join(', ')}
            </strong>{' '}
            <span className="tag">
              {t(`referral.priorities.${r.priority}`, { defaultValue: r.priority })}
            </span>{' '}
            <span className="tag" data-testid="referral-status">
              {t(`referral.states.${referralTag(r)}`, { defaultValue: r.status })}
            </span>
            {r.tickets.map((ticket) => (
              <div key={ticket.id} className="muted">
                {i18n.language === 'lo' && ticket.unitNameLo ? ticket.unitNameLo : ticket.unitName}{' '}
                ·{' '}
                <span data-testid="ticket-state">
                  {t(`referral.states.${ticket.state}`, { defaultValue: ticket.state })}
                </span>
                {finalTicketStates.has(ticket.state) ? null : (
                  <WithdrawTicket key={ticket.state} ticketId={ticket.id} onDone={reload} />
                )}
              </div>
            ))}
            <HeldPartners referral={r} onChanged={reload} />
          </li>
        ))}
      </ul>
      {people.length > 0 ? (
        <form onSubmit={submit} aria-label={t('referral.request')}>
          <h3>{t('referral.request')}</h3>
          <SelectField
            label={t('referral.person')}
            value={personId}
            onChange={(e) => choosePerson(e.target.value)}
            options={people.map((p, i) => ({ value: p.id, label: p.fullName ?? `#${i + 1}` }))}
          />
          <fieldset>
            <legend>{t('referral.needs')}</legend>
            <div className="checks">
              {referralNeeds.map((n) => (
                <label key={n}>
                  <input
                    type="checkbox"
                    checked={needs.includes(n)}
                    onChange={(e) =>
                      chooseNeeds(e.target.checked ? [...needs, n] : needs.filter((x) => x !== n))
                    }
                  />
                  {t(`referral.needList.${n}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <SelectField
            label={t('referral.priority')}
            value={priority}
            onChange={(e) => setPriority(e.target.value)}
            options={referralPriorities.map((p) => ({
              value: p,
              label: t(`referral.priorities.${p}`),
            }))}
          />
          {needs.includes('police') ? (
            <TextArea
              label={t('referral.danger')}
              rows={2}
              value={danger}
              onChange={(e) => setDanger(e.target.value)}
            />
          ) : null}
          {subject && needs.length > 0 ? (
            <div className="referral-preview" data-testid="referral-preview">
              <h4>{t('referral.preview')}</h4>
              {needs.map((n) => {
                const view = subjectForPartner(kindForNeed[n as keyof typeof kindForNeed], subject);
                return (
                  <dl key={n}>
                    <dt>{t(`referral.needList.${n}`)}</dt>
                    {Object.entries(view).map(([field, value]) => (
                      <dd key={field}>
                        {t(`referral.fields.${field}`)}: {show(field, value)}
                      </dd>
                    ))}
                  </dl>
                );
              })}
              <p className="muted">{t('referral.previewNote')}</p>
            </div>
          ) : null}
          <ActionError error={error} />
          {sent ? <p role="status">{t('referral.sent')}</p> : null}
          <button
            type="submit"
            className="button button--primary"
            disabled={!personId || needs.length === 0}
          >
            {t('referral.send')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { formatDate, formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { TextArea } from '../../../shared/ui/field';
import { useUser } from '../../../shared/session/session-context';
import { listFollowUps } from '../api/lifecycle.api';
import { getConsents, getPerson, type TConsents, type TPerson } from '../api/people.api';
import { addNote, getCase, getNotes, getTimeline, type TCase } from '../api/records.api';
import { ActionError } from './action-error';
import { CaseFollowUps } from './case-follow-ups';
import { CaseLifecycle } from './case-lifecycle';
import { ConsentForm } from './consent-form';
import { IdentificationForm } from './identification-form';
import { PersonFacts } from './person-facts';
import { useFormDefinition } from '../hooks/use-form-definition';
import { PersonForm } from './person-form';
import { PersonProfileEditor } from './person-profile-editor';
import { ReferralSection } from './referral-section';
import '../case.strings';

type TLoaded = {
  caseRow: TCase;
  people: Array<TPerson & { consents: TConsents }>;
  notes: Awaited<ReturnType<typeof getNotes>>;
  timeline: Awaited<ReturnType<typeof getTimeline>>;
  followUps: Awaited<ReturnType<typeof listFollowUps>>;
};

/** "Closed · Resolved" for a status change on the timeline, in the reader's language. */
function statusDetail(t: (key: string) => string, data: Record<string, unknown>): string {
  const to = typeof data.to === 'string' ? `: ${t(`statuses.${data.to}`)}` : '';
  if (typeof data.closureReason === 'string')
    return `${to} · ${t(`lifecycle.closureReasons.${data.closureReason}`)}`;
  if (typeof data.reopenReason === 'string')
    return `${to} · ${t(`lifecycle.reopenReasons.${data.reopenReason}`)}`;
  return to;
}

/** One case: people with consent, referrals with live status, notes and the timeline. */
export function CaseView({ caseId }: { caseId: string }) {
  const { t } = useT('case');
  const [data, setData] = useState<TLoaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const me = useUser().userId;
  const { t: tp } = useT('profile');
  const form = useFormDefinition(data?.caseRow.hotline ?? '');

  const load = useCallback(async () => {
    try {
      const caseRow = await getCase(caseId);
      const [people, notes, timeline, followUps] = await Promise.all([
        Promise.all(
          caseRow.people.map(async (p) => ({
            ...(await getPerson(p.personId)),
            consents: await getConsents(p.personId),
          })),
        ),
        getNotes(caseId),
        getTimeline(caseId),
        listFollowUps(caseId),
      ]);
      setData({ caseRow, people, notes, timeline, followUps });
    } catch (err) {
      setError(err);
    }
  }, [caseId]);
  useEffect(() => void load(), [load]);

  if (!data) return <ActionError error={error} />;
  const { caseRow, people, notes, timeline, followUps } = data;
  const closed = caseRow.status === 'closed' || caseRow.status === 'closed_referred';
  return (
    <article className="case-view" aria-labelledby="case-title">
      <header>
        <h1 id="case-title">{t('title', { code: caseRow.code })}</h1>
        <p className="muted">
          {t('status')}:{' '}
          <span className="tag">
            {t(`statuses.${caseRow.status}`, { defaultValue: caseRow.status })}
          </span>{' '}
          · {t('risk')}:{' '}
          <span className="tag">
            {t(`risks.${caseRow.riskLevel}`, { defaultValue: caseRow.riskLevel })}
          </span>{' '}
          · {t('opened')} {formatDateTime(caseRow.createdAt)}
        </p>
        <ActionError error={error} />
      </header>
      <CaseLifecycle
        caseRow={caseRow}
        openFollowUps={followUps.filter((f) => f.status === 'open').length}
        onChanged={() => void load()}
      />
      <CaseFollowUps
        caseId={caseId}
        closed={closed}
        followUps={followUps}
        me={me}
        onChanged={() => void load()}
      />
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">{t('people')}</h2>
        {people.length === 0 ? <p className="muted">{t('noPeople')}</p> : null}
        {people.map((p, i) => (
          <div key={p.id} className="person" data-testid="person">
            <h3>
              {p.fullName ?? `#${i + 1}`} · {t(`person.sexes.${p.sex}`)}
              {p.ageAtIdentification !== null ? ` · ${p.ageAtIdentification}` : ''}
            </h3>
            <PersonFacts person={p} />
            <p data-testid="victim-status">
              <span className={`tag ${p.victimStatus === 'identified' ? 'tag--ok' : ''}`}>
                {t(`identification.statuses.${p.victimStatus}`)}
              </span>
              {p.victimStatus === 'identified' && p.identifiedBy && p.identificationDate
                ? ` · ${t(`identification.authorities.${p.identifiedBy}`, { defaultValue: p.identifiedBy })} · ${formatDate(`${p.identificationDate}T12:00:00+07:00`)}`
                : ''}
            </p>
            {form.view ? (
              <details>
                <summary>{tp('edit')}</summary>
                <PersonProfileEditor
                  key={p.version}
                  person={p}
                  definition={form.view.definition}
                  onSaved={() => void load()}
                />
              </details>
            ) : null}
            <details>
              <summary>{t('identification.title')}</summary>
              <IdentificationForm key={p.version} person={p} onSaved={() => void load()} />
            </details>
            <p data-testid="consents">
              {p.consents.current.map((c) => (
                <span key={c.id} className={`tag ${c.granted ? 'tag--ok' : 'tag--danger'}`}>
                  {t(`consent.scopes.${c.scope}`, { defaultValue: c.scope })}
                </span>
              ))}
            </p>
            <details>
              <summary>{t('consent.record')}</summary>
              <ConsentForm personId={p.id} onSaved={() => void load()} />
            </details>
          </div>
        ))}
        <details open={people.length === 0}>
          <summary>{t('addPerson')}</summary>
          <PersonForm caseId={caseId} hotline={caseRow.hotline} onSaved={() => void load()} />
        </details>
      </section>
      <ReferralSection caseId={caseId} caseProvinceCode={caseRow.provinceCode} people={people} />
      <section className="panel" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('notes')}</h2>
        <ul>
          {notes.map((n) => (
            <li key={n.id}>
              <small className="muted">{formatDateTime(n.createdAt)}</small> {n.body}
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void addNote(caseId, note).then(() => {
              setNote('');
              return load();
            }, setError);
          }}
        >
          <TextArea
            label={t('addNote')}
            rows={2}
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="button">
            {t('addNote')}
          </button>
        </form>
      </section>
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline')}</h2>
        <ol className="timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <small className="muted">{formatDateTime(e.at)}</small>{' '}
              {t(`events.${e.kind.replace(/[.-]/g, '_')}`, { defaultValue: e.kind })}
              {e.kind === 'person.identification_changed' && typeof e.data.to === 'string'
                ? `: ${t(`identification.statuses.${e.data.to}`, { defaultValue: e.data.to })}`
                : ''}
              {e.kind === 'case.status_changed' ? statusDetail(t, e.data) : ''}
              {e.kind === 'referral.updated' && e.data.state === 'withdrawn'
                ? `: ${t('referral.states.withdrawn')}`
                : ''}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField, TextArea } from '../../../shared/ui/field';
import { recordConsent } from '../api/people.api';
import {
  consentOverrideReasons,
  overrideHold,
  type THold,
  type TReferral,
} from '../api/referrals.api';
import { ActionError } from './action-error';

/**
 * The partners the consent gate held back, each with why and the two ways forward: record the
 * missing consent in one step (the person's own, or a guardian's for a child), or send it anyway
 * for a recorded reason (audited; supervisors see it). Gone once the partner has its ticket.
 */
export function HeldPartners({
  referral,
  onChanged,
}: {
  referral: TReferral;
  onChanged: () => void;
}) {
  const held = referral.holds.filter((h) => h.status === 'held');
  if (!held.length) return null;
  return (
    <ul className="held-partners" data-testid="held-partners">
      {held.map((hold) => (
        <HeldPartner key={hold.id} hold={hold} referral={referral} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function HeldPartner({
  hold,
  referral,
  onChanged,
}: {
  hold: THold;
  referral: TReferral;
  onChanged: () => void;
}) {
  const { t, i18n } = useT('case');
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState<string>(
    referral.isChild ? 'best_interest_of_child' : 'imminent_danger',
  );
  const [justification, setJustification] = useState('');
  const scope = t(`consent.scopes.${hold.scope}`, { defaultValue: hold.scope });
  const consent = async () => {
    if (!referral.personId) return;
    setError(null);
    try {
      await recordConsent(referral.personId, {
        scope: hold.scope,
        granted: true,
        givenBy: referral.isChild ? 'parent_or_guardian' : 'self',
        method: 'verbal_phone',
      });
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const override = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await overrideHold(hold.id, { reason, justification: justification.trim() });
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li className="held-partner" data-testid="held-partner">
      <strong>{i18n.language === 'lo' && hold.unitNameLo ? hold.unitNameLo : hold.unitName}</strong>{' '}
      ·{' '}
      <span className="tag tag--danger" data-testid="hold-state">
        {hold.releasing ? t('referral.hold.releasing') : t(`referral.hold.${hold.reason}`)}
      </span>
      {hold.releasing ? null : (
        <>
          <p className="muted">{t('referral.hold.needs', { scope })}</p>
          <button type="button" className="button button--primary" onClick={() => void consent()}>
            {referral.isChild
              ? t('referral.hold.recordGuardian', { scope })
              : t('referral.hold.record', { scope })}
          </button>
          <details>
            <summary>{t('referral.hold.override')}</summary>
            <form onSubmit={(e) => void override(e)} aria-label={t('referral.hold.override')}>
              <SelectField
                label={t('referral.hold.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                options={consentOverrideReasons
                  .filter((r) => referral.isChild || r !== 'best_interest_of_child')
                  .map((r) => ({ value: r, label: t(`referral.hold.reasons.${r}`) }))}
              />
              <TextArea
                label={t('referral.hold.justification')}
                rows={2}
                required
                minLength={10}
                value={justification}
                onChange={(e) => setJustification(e.target.value)}
              />
              <p className="muted">{t('referral.hold.audited')}</p>
              <button type="submit" className="button">
                {t('referral.hold.send')}
              </button>
            </form>
          </details>
        </>
      )}
      <ActionError error={error} />
    </li>
  );
}

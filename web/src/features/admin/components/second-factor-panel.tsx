import { useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { Dialog } from '../../../shared/ui/dialog';
import { ErrorText } from '../../../shared/ui/error-text';
import { TextArea } from '../../../shared/ui/field';
import {
  exemptRole,
  fetchSecondFactorSettings,
  requireAgain,
  type TSecondFactorSetting,
} from '../api/second-factor.api';

type TRole = TSecondFactorSetting['role'];

/**
 * The second factor per role: required for every role unless an administrator exempts it with a
 * written reason (kept with the setting and in the audit log). `onChanged` refreshes the users'
 * "second factor" column, which follows the role's setting.
 */
export function SecondFactorPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useT('admin');
  const [settings, setSettings] = useState<TSecondFactorSetting[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [exempting, setExempting] = useState<TRole | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchSecondFactorSettings().then(setSettings, setError);
  }, []);

  const run = async (work: () => Promise<TSecondFactorSetting[]>, message: string) => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      setSettings(await work());
      setDone(message);
      onChanged();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submitExemption = async (e: FormEvent) => {
    e.preventDefault();
    if (!exempting) return;
    const role = t(`roles.${exempting}`);
    const ok = await run(
      () => exemptRole(exempting, reason),
      t('secondFactor.exemptedDone', { role }),
    );
    if (ok) {
      setExempting(null);
      setReason('');
    }
  };

  return (
    <section aria-labelledby="second-factor-title" data-testid="second-factor">
      <h2 id="second-factor-title">{t('secondFactor.title')}</h2>
      <p>{t('secondFactor.intro')}</p>
      {done ? (
        <p role="status" className="tag tag--ok">
          {done}
        </p>
      ) : null}
      {exempting ? null : <ErrorText error={error} />}
      {settings ? (
        <table className="panel">
          <thead>
            <tr>
              <th>{t('secondFactor.role')}</th>
              <th>{t('secondFactor.setting')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {settings.map((s) => (
              <tr key={s.role}>
                <td>{t(`roles.${s.role}`)}</td>
                <td>
                  {s.exemption ? (
                    <>
                      <strong>{t('secondFactor.exempted')}</strong>{' '}
                      <small>
                        {t('secondFactor.since', { at: formatDateTime(s.exemption.createdAt) })}
                      </small>
                      <br />
                      {t('secondFactor.reason')}: {s.exemption.reason}
                    </>
                  ) : (
                    t('secondFactor.required')
                  )}
                </td>
                <td>
                  {s.exemption ? (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () => requireAgain(s.role),
                          t('secondFactor.requiredDone', { role: t(`roles.${s.role}`) }),
                        )
                      }
                    >
                      {t('secondFactor.requireAgain')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      aria-label={t('secondFactor.exemptFor', { role: t(`roles.${s.role}`) })}
                      onClick={() => setExempting(s.role)}
                    >
                      {t('secondFactor.exempt')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : error ? null : (
        <p className="loading">{t('common:status.loading')}</p>
      )}
      <Dialog
        open={!!exempting}
        title={exempting ? t('secondFactor.exemptFor', { role: t(`roles.${exempting}`) }) : ''}
        onClose={() => setExempting(null)}
      >
        <form onSubmit={(e) => void submitExemption(e)}>
          <TextArea
            label={t('secondFactor.reason')}
            hint={t('secondFactor.reasonHint')}
            required
            minLength={10}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorText error={error} />
          <button className="button button--primary" type="submit" disabled={busy}>
            {t('common:actions.save')}
          </button>
          <button type="button" className="button" onClick={() => setExempting(null)}>
            {t('common:actions.cancel')}
          </button>
        </form>
      </Dialog>
    </section>
  );
}

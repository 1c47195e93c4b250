import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { fetchUsers, updateUser, type TUser, type TUserUpdate } from '../api/users.api';
import { AnswerOnCell } from './answer-on-cell';
import { CapacityCell } from './capacity-cell';
import { PasswordResetButton } from './password-reset-button';
import { SecondFactorPanel } from './second-factor-panel';
import { UserCreateForm } from './user-create-form';

/** The roles that take calls (routing.call-control): only they have somewhere calls ring. */
const CALL_TAKERS: ReadonlySet<TUser['role']> = new Set(['counsellor', 'supervisor']);

/**
 * Staff accounts: role and scope at a glance, where call takers' calls ring, password and
 * second-factor reset, disable / enable.
 */
export function UsersPanel() {
  const { t } = useT('admin');
  const [users, setUsers] = useState<TUser[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ key: string; name: string } | null>(null);
  const load = useCallback(() => {
    fetchUsers().then(setUsers, setError);
  }, []);
  useEffect(load, [load]);

  const change = async (user: TUser, body: TUserUpdate, key: string) => {
    setError(null);
    setDone(null);
    try {
      await updateUser(user.id, body);
      setDone({ key, name: user.displayName });
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <ErrorText error={error} />
      {done ? (
        <p role="status" className="tag tag--ok">
          {t(done.key, { name: done.name })}
        </p>
      ) : null}
      {users ? (
        <table className="panel" data-testid="users">
          <thead>
            <tr>
              <th>{t('users.name')}</th>
              <th>{t('users.role')}</th>
              <th>{t('users.scope')}</th>
              <th>{t('users.answersOn')}</th>
              <th>{t('users.capacity')}</th>
              <th>{t('users.secondFactor')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.disabledAt ? 'muted' : undefined}>
                <td>
                  <strong>{u.displayName}</strong>
                  <br />
                  <small>{u.username}</small>
                </td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>
                  {[u.hotlines.join(', '), u.organisationKey, u.provinceCode]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
                <td>
                  {CALL_TAKERS.has(u.role) ? (
                    <AnswerOnCell
                      user={u}
                      onSaved={() => setDone({ key: 'users.answerOnDone', name: u.displayName })}
                    />
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {CALL_TAKERS.has(u.role) ? (
                    <CapacityCell
                      user={u}
                      onSaved={() => {
                        setDone({ key: 'users.capacityDone', name: u.displayName });
                        load();
                      }}
                    />
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {u.totpEnrolled
                    ? t('users.enrolled')
                    : u.totpRequired
                      ? t('users.notEnrolled')
                      : t('users.notRequired')}
                </td>
                <td>
                  <div className="admin-row-actions">
                    <PasswordResetButton
                      user={u}
                      onDone={() => {
                        setDone({ key: 'users.passwordResetDone', name: u.displayName });
                        load();
                      }}
                    />
                    {u.totpEnrolled ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => void change(u, { resetTotp: true }, 'users.resetDone')}
                      >
                        {t('users.resetTotp')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className={`button ${u.disabledAt ? '' : 'button--danger'}`}
                      onClick={() =>
                        void change(
                          u,
                          { disabled: !u.disabledAt },
                          u.disabledAt ? 'users.enabledDone' : 'users.disabledDone',
                        )
                      }
                    >
                      {u.disabledAt ? t('users.enable') : t('users.disable')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="loading">{t('common:status.loading')}</p>
      )}
      <UserCreateForm onCreated={load} />
      <SecondFactorPanel onChanged={load} />
    </>
  );
}

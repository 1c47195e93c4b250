import { useT } from '../../../shared/i18n/i18n';
import { fetchUsers, updateUser, type TUser, type TUserUpdate } from '../api/users.api';
import { AdminFeedback, AdminListTable, useAdminList } from './admin-list';
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
  const { rows, error, done, run, said, reload } = useAdminList(fetchUsers);
  const change = (user: TUser, body: TUserUpdate, key: string) =>
    run(
      () => updateUser(user.id, body),
      () => ({ key, values: { name: user.displayName } }),
    );
  const saidOf = (u: TUser, key: string) => () => said({ key, values: { name: u.displayName } });

  return (
    <>
      <AdminFeedback error={error} done={done} />
      <AdminListTable
        rows={rows}
        className="panel"
        testId="users"
        loading={t('common:status.loading')}
        rowClassName={(u) => (u.disabledAt ? 'muted' : undefined)}
        columns={[
          {
            header: t('users.name'),
            cell: (u) => (
              <>
                <strong>{u.displayName}</strong>
                <br />
                <small>{u.username}</small>
              </>
            ),
          },
          { header: t('users.role'), cell: (u) => t(`roles.${u.role}`) },
          {
            header: t('users.scope'),
            cell: (u) =>
              [u.hotlines.join(', '), u.organisationKey, u.provinceCode]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          {
            header: t('users.answersOn'),
            cell: (u) =>
              CALL_TAKERS.has(u.role) ? (
                <AnswerOnCell user={u} onSaved={saidOf(u, 'users.answerOnDone')} />
              ) : (
                '—'
              ),
          },
          {
            header: t('users.capacity'),
            cell: (u) =>
              CALL_TAKERS.has(u.role) ? (
                <CapacityCell user={u} onSaved={saidOf(u, 'users.capacityDone')} />
              ) : (
                '—'
              ),
          },
          {
            header: t('users.secondFactor'),
            cell: (u) =>
              u.totpEnrolled
                ? t('users.enrolled')
                : u.totpRequired
                  ? t('users.notEnrolled')
                  : t('users.notRequired'),
          },
          {
            header: '',
            cell: (u) => (
              <div className="admin-row-actions">
                <PasswordResetButton user={u} onDone={saidOf(u, 'users.passwordResetDone')} />
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
            ),
          },
        ]}
      />
      <UserCreateForm onCreated={reload} />
      <SecondFactorPanel onChanged={reload} />
    </>
  );
}

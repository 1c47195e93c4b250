import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { staffRoles } from '../../../shared/session/session.api';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import { createUser, type TUserCreate } from '../api/users.api';

const HOTLINES = ['1362', '1554', '1512'] as const;
const LANGUAGES = ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'] as const;
/** The form always holds both lists (the API takes them as optional). */
type TDraft = TUserCreate & { hotlines: string[]; languages: string[] };
const empty: TDraft = {
  username: '',
  displayName: '',
  role: 'counsellor',
  password: '',
  hotlines: [],
  languages: ['lo'],
  organisationKey: null,
};

const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);

/** A new staff account with its role and scope; the API audits it and enforces the rules. */
export function UserCreateForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useT('admin');
  const [draft, setDraft] = useState<TDraft>(empty);
  const [error, setError] = useState<unknown>(null);
  const partner = draft.role.startsWith('partner');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await createUser({ ...draft, organisationKey: draft.organisationKey || null });
      setDraft(empty);
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="panel admin-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('users.create')}</h2>
      <div className="admin-form__row">
        <TextField
          label={t('users.username')}
          required
          autoComplete="off"
          value={draft.username}
          onChange={(e) => setDraft({ ...draft, username: e.target.value })}
        />
        <TextField
          label={t('users.name')}
          required
          value={draft.displayName}
          onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
        />
        <SelectField
          label={t('users.role')}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as TUserCreate['role'] })}
          options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <TextField
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
      </div>
      {partner ? (
        <TextField
          label={t('users.organisation')}
          required
          value={draft.organisationKey ?? ''}
          onChange={(e) => setDraft({ ...draft, organisationKey: e.target.value.trim() })}
        />
      ) : (
        <fieldset>
          <legend>{t('users.hotlines')}</legend>
          <div className="checks">
            {HOTLINES.map((h) => (
              <label key={h}>
                <input
                  type="checkbox"
                  checked={draft.hotlines.includes(h)}
                  onChange={(e) =>
                    setDraft({ ...draft, hotlines: toggle(draft.hotlines, h, e.target.checked) })
                  }
                />
                {h}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('form.languages')}</legend>
        <div className="checks">
          {LANGUAGES.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={draft.languages.includes(code)}
                onChange={(e) =>
                  setDraft({ ...draft, languages: toggle(draft.languages, code, e.target.checked) })
                }
              />
              {t(`languageNames.${code}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorText error={error} />
      <p className="admin-form__footer">
        <button type="submit" className="button button--primary">
          {t('users.create')}
        </button>
        <small className="muted">{t('form.audited')}</small>
      </p>
    </form>
  );
}

import { useEffect, useState } from 'react';
import { compactPhone, E164 } from '../../../../../src/contracts/phone';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { TextField } from '../../../shared/ui/field';
import { saveUserAnswerOn, userAnswerOn, type TAdminAnswerOn } from '../api/answer-on.api';
import type { TUser } from '../api/users.api';
import { InlineEditCell, useInlineEdit } from './inline-edit-cell';

/**
 * Where someone's accepted calls ring, and the administrator's way to change it (a counsellor
 * without a working headset, a new duty phone). Only the mobile's last digits are ever shown;
 * a new number replaces the old one, leaving the field empty keeps it.
 */
export function AnswerOnCell({ user, onSaved }: { user: TUser; onSaved: () => void }) {
  const { t } = useT('admin');
  const [setting, setSetting] = useState<TAdminAnswerOn | null>(null);
  const edit = useInlineEdit(onSaved);
  const { setError } = edit;
  const [choice, setChoice] = useState<TAdminAnswerOn['answerOn']>('browser');
  const [number, setNumber] = useState('');

  useEffect(() => {
    let live = true;
    userAnswerOn(user.id).then(
      (s) => live && setSetting(s),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [user.id, setError]);

  if (!setting)
    return edit.error ? <ErrorText error={edit.error} /> : <span aria-busy="true">…</span>;
  const ending = setting.mobileEnding;
  const typed = compactPhone(number);
  const invalid = typed !== '' && !E164.test(typed);
  // Answering on a mobile with no number would ring nowhere (the server refuses it too).
  const numberMissing = choice === 'mobile' && typed === '' && ending === null;

  return (
    <InlineEditCell
      edit={edit}
      summary={
        setting.answerOn === 'mobile' ? t('users.onMobile', { ending }) : t('users.onBrowser')
      }
      changeFor={t('users.changeAnswerOnFor', { name: user.displayName })}
      onOpen={() =>
        edit.open(() => {
          setChoice(setting.answerOn);
          setNumber('');
        })
      }
      saveDisabled={invalid || numberMissing}
      onSubmit={() => {
        if (invalid || numberMissing) return;
        void edit.save(async () =>
          setSetting(
            await saveUserAnswerOn(user.id, {
              answerOn: choice,
              ...(typed ? { mobile: typed } : {}),
            }),
          ),
        );
      }}
      fields={(['browser', 'mobile'] as const).map((c) => (
        <label key={c}>
          <input
            type="radio"
            name={`answer-on-${user.id}`}
            value={c}
            checked={choice === c}
            onChange={() => setChoice(c)}
          />{' '}
          {t(c === 'browser' ? 'users.browserChoice' : 'users.mobileChoice')}
        </label>
      ))}
      after={
        <TextField
          label={t('users.mobileNumber')}
          hint={
            invalid
              ? t('users.invalidNumber')
              : ending
                ? t('users.keepNumber', { ending })
                : t('users.numberFormat')
          }
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="+8562055512345"
          value={number}
          required={numberMissing}
          aria-invalid={invalid}
          onChange={(e) => setNumber(e.target.value)}
        />
      }
    />
  );
}

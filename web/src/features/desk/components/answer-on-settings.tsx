import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { TextField } from '../../../shared/ui/field';
import { myAnswerOn, saveMyAnswerOn, type TAnswerOn } from '../api/answer-on.api';
import { softphoneConfig } from '../api/softphone.api';
import { ActionError } from './action-error';
import '../answer-on.strings';
import { compactPhone, E164 } from '../../../../../src/contracts/phone';

/** The counsellor's choice of where accepted calls ring, and their mobile number. */
export function AnswerOnSettings() {
  const { t } = useT('answerOn');
  const [answerOn, setAnswerOn] = useState<TAnswerOn['answerOn']>('browser');
  const [mobile, setMobile] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [noSoftphone, setNoSoftphone] = useState(false);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    void myAnswerOn()
      .then((s) => {
        if (!live) return;
        setAnswerOn(s.answerOn);
        setMobile(s.mobile ?? '');
        setLoaded(true);
      })
      .catch((err: unknown) => live && setError(err));
    void softphoneConfig()
      .then((c) => live && setNoSoftphone(c.mode === 'none'))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const number = compactPhone(mobile);
  const invalid = number !== '' && !E164.test(number);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    setError(null);
    setStatus('saving');
    try {
      const saved = await saveMyAnswerOn({ answerOn, mobile: number === '' ? null : number });
      setMobile(saved.mobile ?? '');
      setStatus('saved');
    } catch (err) {
      setError(err);
      setStatus('idle');
    }
  };

  return (
    <form className="answer-on" onSubmit={(e) => void submit(e)} aria-busy={!loaded}>
      <h2>{t('title')}</h2>
      <p>{t('intro')}</p>
      {noSoftphone ? <p className="field__hint">{t('noSoftphone')}</p> : null}
      {/* Nothing to change before the saved choice is shown: a click would be overwritten. */}
      <fieldset className="answer-on__choices" disabled={!loaded}>
        <legend className="visually-hidden">{t('title')}</legend>
        {(['browser', 'mobile'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="answer-on"
              value={choice}
              checked={answerOn === choice}
              onChange={() => {
                setAnswerOn(choice);
                setStatus('idle');
              }}
            />{' '}
            {t(choice)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('mobileNumber')}
        hint={invalid ? t('invalidNumber') : t('mobileHint')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        placeholder="+8562055512345"
        value={mobile}
        disabled={!loaded}
        required={answerOn === 'mobile'}
        aria-invalid={invalid}
        onChange={(e) => {
          setMobile(e.target.value);
          setStatus('idle');
        }}
      />
      <button
        type="submit"
        className="button button--accept"
        disabled={!loaded || invalid || status === 'saving'}
      >
        {t('save')}
      </button>
      {status === 'saved' ? <p role="status">{t('saved')}</p> : null}
      <ActionError error={error} />
    </form>
  );
}

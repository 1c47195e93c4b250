import { useEffect, useId, useState } from 'react';
import { isoFromLao, laoFromIso } from '../format/lao-date-input';
import { useT } from '../i18n/i18n';

/**
 * A date typed the Lao way (day/month/year), as the app shows dates everywhere, instead of the
 * browser's own picker (US month/day order on many machines). `iso` is '' when empty and null
 * while what is typed is not a date yet; the field says so under itself.
 */
export function LaoDateField({
  label,
  iso,
  onIso,
  name,
  required,
  hint,
}: {
  label: string;
  iso: string | null;
  onIso: (iso: string | null) => void;
  name?: string;
  required?: boolean;
  /** What the field means, said before how to type it. */
  hint?: string;
}) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState(iso ? laoFromIso(iso) : '');
  // The form was reset or filled from elsewhere: show that, not what was typed before.
  useEffect(() => {
    if (iso !== null && (isoFromLao(text) ?? '') !== iso) setText(iso ? laoFromIso(iso) : '');
    // Only an outside change of the value matters here, not each keystroke.
  }, [iso]);
  const bad = iso === null && text.trim() !== '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        required={required}
        inputMode="numeric"
        aria-invalid={bad}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onIso(e.target.value.trim() ? isoFromLao(e.target.value) : '');
        }}
      />
      <small
        id={`${id}-hint`}
        className={bad ? 'error-text' : 'field__hint'}
        role={bad ? 'alert' : undefined}
      >
        {bad ? t('date.bad') : hint ? `${hint} · ${t('date.hint')}` : t('date.hint')}
      </small>
    </div>
  );
}

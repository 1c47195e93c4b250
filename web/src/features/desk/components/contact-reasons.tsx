import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import { vocabularyOptions } from '../../../shared/reference/reference-data';
import '../profile.strings';

/** Why the caller got in touch, in Child Helpline International's categories; several may apply. */
export function ContactReasons({
  chosen,
  onChange,
}: {
  chosen: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useT('profile');
  return (
    <fieldset className="contact-reasons" data-section="contactReasons">
      <legend>{t('sections.contactReasons')}</legend>
      <div className="checks">
        {vocabularyOptions('contactReasons', currentUiLanguage()).map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

import type { ReactNode } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { assistanceOptions, provinceOptions } from '../../../shared/reference/reference-data';

export const UNIT_LANGUAGES = ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'] as const;

export const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);

/** A group of checkboxes under one legend (a fieldset, so screen readers name the group). */
export function Checks({
  legend,
  invalid,
  children,
}: {
  legend: string;
  invalid: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset aria-invalid={invalid || undefined}>
      <legend>{legend}</legend>
      <div className="checks">{children}</div>
    </fieldset>
  );
}

type TCodeChecksProps = {
  value: string[];
  onChange: (next: string[]) => void;
  invalid?: boolean;
};

/** One checkbox per option, labelled in the reader's language; codes never typed by hand. */
function CodeChecks({
  legend,
  options,
  value,
  onChange,
  invalid = false,
}: TCodeChecksProps & { legend: string; options: Array<{ value: string; label: string }> }) {
  return (
    <Checks legend={legend} invalid={invalid}>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(toggle(value, o.value, e.target.checked))}
          />
          {o.label}
        </label>
      ))}
    </Checks>
  );
}

const useLanguage = () => {
  const { t, i18n } = useT('admin');
  return { t, language: i18n.language === 'en' ? ('en' as const) : ('lo' as const) };
};

export function ProvinceChecks(props: TCodeChecksProps) {
  const { t, language } = useLanguage();
  return (
    <CodeChecks {...props} legend={t('partners.provinces')} options={provinceOptions(language)} />
  );
}

export function LanguageChecks(props: TCodeChecksProps) {
  const { t } = useLanguage();
  const options = UNIT_LANGUAGES.map((code) => ({
    value: code,
    label: t(`languageNames.${code}`),
  }));
  return <CodeChecks {...props} legend={t('partners.languages')} options={options} />;
}

/**
 * The services a unit gives, from the reference taxonomy (Lao and English names). A service the
 * unit already has outside the taxonomy stays listed, so saving never drops it silently.
 */
export function ServiceChecks(props: TCodeChecksProps) {
  const { t, language } = useLanguage();
  const known = assistanceOptions(language);
  const extra = props.value
    .filter((code) => !known.some((o) => o.value === code))
    .map((code) => ({ value: code, label: t(`common:needs.${code}`, { defaultValue: code }) }));
  return <CodeChecks {...props} legend={t('partners.services')} options={[...known, ...extra]} />;
}

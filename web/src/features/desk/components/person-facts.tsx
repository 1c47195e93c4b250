import { formatDate } from '../../../shared/format/date-format';
import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import {
  countryOptions,
  exploitationOptions,
  provinceOptions,
} from '../../../shared/reference/reference-data';
import type { TPerson } from '../api/people.api';
import '../profile.strings';

/** The person line under the name: province, nationality, forms, where and since when. */
export function PersonFacts({ person }: { person: TPerson }) {
  const { t } = useT('profile');
  const lang = currentUiLanguage();
  const names = new Map([
    ...countryOptions(lang).map((o) => [o.value, o.label] as const),
    ...provinceOptions(lang).map((o) => [o.value, o.label] as const),
  ]);
  const forms = new Map(exploitationOptions(lang).map((o) => [o.value, o.label]));
  const name = (code: string) => names.get(code) ?? code;
  const exploitedIn = person.stageLocations
    .filter((s) => s.stage === 'exploitation')
    .map((s) => name(s.code));
  const facts = [
    person.residenceProvinceCode ? name(person.residenceProvinceCode) : null,
    person.nationalities.length
      ? `${t('line.nationality')}: ${person.nationalities.map(name).join(', ')}`
      : null,
    person.exploitationForms.map((f) => forms.get(f) ?? f).join(', ') || null,
    exploitedIn.length ? `${t('line.exploitedIn')}: ${exploitedIn.join(', ')}` : null,
    person.exploitationStartedOn
      ? `${t('line.since')} ${formatDate(`${person.exploitationStartedOn}T12:00:00+07:00`)}`
      : null,
    person.under18AtExploitation ? t('line.childThen') : null,
  ].filter((f): f is string => f !== null);
  if (facts.length === 0) return null;
  return (
    <p className="muted" data-testid="person-facts">
      {facts.join(' · ')}
    </p>
  );
}

import type {
  TFormDefinition,
  TPersonProfileField,
  TVocabulary,
} from '../../../../../src/contracts/victim-profile';
import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import { placeOptions, vocabularyOptions } from '../../../shared/reference/reference-data';
import { SelectField, TextField } from '../../../shared/ui/field';
import { LaoDateField } from '../../../shared/ui/lao-date-field';
import { PlacePicker } from '../../../shared/ui/place-picker';
import { monthsBetween, type TProfileDraft } from './profile-draft';
import '../profile.strings';

type TProps = {
  definition: TFormDefinition;
  draft: TProfileDraft;
  patch: (p: Partial<TProfileDraft>) => void;
};

const singles: Partial<Record<TPersonProfileField, TVocabulary>> = {
  recruitmentMethod: 'recruitmentMethods',
  recruiterRelation: 'recruiterRelations',
  borderCrossing: 'borderCrossings',
  labourSector: 'labourSectors',
  schoolStatus: 'schoolStatuses',
  livesWith: 'livesWith',
};
const multiples: Partial<Record<TPersonProfileField, TVocabulary>> = {
  transportModes: 'transportModes',
  meansOfControl: 'meansOfControl',
  travelDocuments: 'travelDocuments',
};
const places = ['recruitmentPlace', 'transitPlaces', 'exploitationPlace'] as const;

/** The victim-profile sections the hotline's form definition lists, in its order. */
export function PersonProfileSections({ definition, draft, patch }: TProps) {
  const { t } = useT('profile');
  const lang = currentUiLanguage();

  const field = (f: TPersonProfileField) => {
    const single = singles[f];
    if (single) {
      const key = f as 'recruitmentMethod';
      return (
        <SelectField
          key={f}
          label={t(`fields.${f}`)}
          value={draft[key]}
          placeholder="—"
          onChange={(e) => patch({ [key]: e.target.value })}
          options={vocabularyOptions(single, lang)}
        />
      );
    }
    const multiple = multiples[f];
    if (multiple) {
      const key = f as 'meansOfControl';
      const chosen = draft[key];
      return (
        <fieldset key={f} className="profile-checks">
          <legend>{t(`fields.${f}`)}</legend>
          <div className="checks">
            {vocabularyOptions(multiple, lang).map((o) => (
              <label key={o.value}>
                <input
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(e) =>
                    patch({
                      [key]: e.target.checked
                        ? [...chosen, o.value]
                        : chosen.filter((c) => c !== o.value),
                    })
                  }
                />
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    if ((places as readonly string[]).includes(f)) {
      const key = f as (typeof places)[number];
      return (
        <PlacePicker
          key={f}
          label={t(`fields.${f}`)}
          options={placeOptions(lang)}
          value={draft[key]}
          onChange={(next) => patch({ [key]: next })}
        />
      );
    }
    switch (f) {
      case 'exploitationStartedOn':
      case 'exploitationEndedOn':
        return (
          <LaoDateField
            key={f}
            label={t(`fields.${f}`)}
            iso={draft[f]}
            onIso={(iso) => patch({ [f]: iso })}
          />
        );
      case 'under18AtExploitation':
        return (
          <SelectField
            key={f}
            label={t('fields.under18AtExploitation')}
            value={draft.under18AtExploitation}
            onChange={(e) =>
              patch({
                under18AtExploitation: e.target.value as TProfileDraft['under18AtExploitation'],
              })
            }
            options={[
              { value: '', label: t('childAnswers.unknown') },
              { value: 'yes', label: t('childAnswers.yes') },
              { value: 'no', label: t('childAnswers.no') },
            ]}
          />
        );
      case 'documentsHeldByOthers':
        return (
          <label key={f} className="profile-check">
            <input
              type="checkbox"
              checked={draft.documentsHeldByOthers}
              onChange={(e) => patch({ documentsHeldByOthers: e.target.checked })}
            />
            {t('fields.documentsHeldByOthers')}
          </label>
        );
      case 'employer':
        return (
          <TextField
            key={f}
            label={t('fields.employer')}
            autoComplete="off"
            value={draft.employer}
            onChange={(e) => patch({ employer: e.target.value })}
          />
        );
      case 'wagesOwed':
        return (
          <div key={f} className="grid-2">
            <TextField
              label={t('fields.wagesOwed')}
              type="number"
              min={0}
              value={draft.wagesOwedAmount}
              onChange={(e) => patch({ wagesOwedAmount: e.target.value })}
            />
            <SelectField
              label={t('fields.wagesCurrency')}
              value={draft.wagesOwedCurrency}
              onChange={(e) => patch({ wagesOwedCurrency: e.target.value })}
              options={vocabularyOptions('wageCurrencies', lang)}
            />
          </div>
        );
      default:
        return null;
    }
  };

  const months =
    draft.exploitationStartedOn && draft.exploitationEndedOn
      ? monthsBetween(draft.exploitationStartedOn, draft.exploitationEndedOn)
      : null;
  return (
    <>
      {definition.person.map((section) => (
        <fieldset key={section.key} className="profile-section" data-section={section.key}>
          <legend>{t(`sections.${section.key}`)}</legend>
          <div className="grid-2">{section.fields.map(field)}</div>
          {months !== null && section.fields.includes('exploitationEndedOn') ? (
            <p className="muted" data-testid="exploitation-duration">
              {t('duration', { months })}
            </p>
          ) : null}
        </fieldset>
      ))}
    </>
  );
}

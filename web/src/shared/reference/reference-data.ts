import provinces from '../../../../db/seed-data/provinces.json';
import taxonomy from '../../../../db/seed-data/taxonomy.json';
import {
  countries,
  profileVocabulary,
  type TVocabulary,
} from '../../../../src/contracts/victim-profile';
import { i18next, type TUiLanguage } from '../i18n/i18n';
import type { TOption } from '../ui/field';
import type { TPlaceOption } from '../ui/place-picker';

// The same reference files the server seeds from: one source for codes and their Lao/English names.
type TLabelled = { code: string; lo: string; en: string };

const toOptions = (items: TLabelled[], language: TUiLanguage): TOption[] =>
  items.map((i) => ({ value: i.code, label: i[language] }));

export const provinceOptions = (language: TUiLanguage) =>
  toOptions(provinces.provinces as TLabelled[], language);
export const exploitationOptions = (language: TUiLanguage) =>
  toOptions(taxonomy.exploitationForms as TLabelled[], language);
export const assistanceOptions = (language: TUiLanguage) =>
  toOptions([...taxonomy.essentialAssistance, ...taxonomy.otherServices] as TLabelled[], language);

export const countryOptions = (language: TUiLanguage) =>
  toOptions(countries as TLabelled[], language).sort((a, b) =>
    a.label.localeCompare(b.label, language),
  );
/** Countries and the Lao provinces, for a place that may be either (where exploitation happened). */
export const placeOptions = (language: TUiLanguage): TPlaceOption[] => [
  ...provinces.provinces.map((p) => ({
    kind: 'province' as const,
    code: p.code,
    value: p.code,
    label: `${(p as TLabelled)[language]} (${i18next.t('picker.province', { lng: language })})`,
  })),
  ...countryOptions(language).map((c) => ({ kind: 'country' as const, code: c.value, ...c })),
];
export const vocabularyOptions = (name: TVocabulary, language: TUiLanguage) =>
  toOptions(profileVocabulary[name], language);

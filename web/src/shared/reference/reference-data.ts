import provinces from '../../../../db/seed-data/provinces.json';
import taxonomy from '../../../../db/seed-data/taxonomy.json';
import type { TUiLanguage } from '../i18n/i18n';
import type { TOption } from '../ui/field';

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

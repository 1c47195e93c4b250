import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { commonStrings } from './common.strings';

export const languages = ['lo', 'en'] as const;
export type TUiLanguage = (typeof languages)[number];

const STORAGE_KEY = 'saiduan.ui-language';

import type { TBundle } from './strings.types';

export type { TBundle, TStrings } from './strings.types';

function storedLanguage(): TUiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'lo';
}

void i18next.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'lo',
  defaultNS: 'common',
  ns: ['common'],
  resources: { lo: { common: commonStrings.lo }, en: { common: commonStrings.en } },
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** A feature registers its own namespace once at module load; no feature imports another's strings. */
export function addStrings<T extends object>(namespace: string, bundle: TBundle<T>): void {
  i18next.addResourceBundle('lo', namespace, bundle.lo, true, true);
  i18next.addResourceBundle('en', namespace, bundle.en, true, true);
}

export function setUiLanguage(language: TUiLanguage): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export function currentUiLanguage(): TUiLanguage {
  return i18next.language === 'en' ? 'en' : 'lo';
}

/** `const { t } = useT('desk')`; keys without a namespace prefix fall back to `common`. */
export function useT(namespace = 'common') {
  return useTranslation([namespace, 'common']);
}

export { i18next };

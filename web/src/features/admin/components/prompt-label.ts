import type { TFunction } from 'i18next';

/** A prompt key in the reader's words: "digit-4" → "Number 4", "lang-hmn" → "Language menu: Hmong". */
export function promptLabel(t: TFunction, key: string): string {
  const digit = /^(digit|press)-(\d)$/.exec(key);
  if (digit) return t(`promptNames.${digit[1]}`, { n: digit[2] });
  const lang = /^lang-([a-z]{2,3})$/.exec(key);
  if (lang)
    return t('promptNames.lang', {
      language: t(`languageNames.${lang[1]}`, { defaultValue: lang[1] }),
    });
  return t(`promptNames.${key}`, { defaultValue: key });
}

import { webchatStrings } from './webchat.strings';

export type TUiLanguage = 'lo' | 'en';

/**
 * Each language also in its own words, so a Vietnamese or Chinese worker finds theirs whatever the
 * screen's language; shown with its `lang` so it is read (and checked) as that language.
 */
export const endonyms: Record<string, string> = {
  lo: 'ລາວ',
  hmn: 'Hmoob',
  kjg: 'Kmhmu',
  en: 'English',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  zh: '中文',
};

type TTree = { [key: string]: string | TTree };

function lookup(tree: TTree, key: string): string | undefined {
  let node: string | TTree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * `t('lo', 'prechat.safe')`: the text in the screen's language, else in Lao. A key in neither is a
 * bug: it throws rather than show a raw key to a visitor.
 */
export function t(ui: TUiLanguage, key: string, vars: Record<string, string> = {}): string {
  const text =
    lookup(webchatStrings[ui] as unknown as TTree, key) ??
    lookup(webchatStrings.lo as unknown as TTree, key);
  if (text === undefined) throw new Error(`webchat: no text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name] ?? '');
}

/** A language's name in the screen's language, plus its own name when that differs. */
export function languageLabel(ui: TUiLanguage, code: string): { own: string; shown: string } {
  const shown = lookup(webchatStrings[ui].languages as unknown as TTree, code) ?? '';
  return { shown, own: endonyms[code] ?? code };
}

// The shape of a string bundle, apart from i18n.ts so the bundles can use it without a cycle.

/** Same keys in both languages: Lao is the source, English must mirror it. */
export type TStrings<T> = { [K in keyof T]: T[K] extends string ? string : TStrings<T[K]> };
export type TBundle<T> = { lo: T; en: TStrings<T> };

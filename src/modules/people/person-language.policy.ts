import type { TCaseLanguage } from '../contacts/contact-language.repository';

/**
 * A new person speaks the caller's language unless the counsellor says otherwise: without it the
 * partner reads "language: —" and comes without an interpreter. Given values always win.
 */
export function personLanguageDefaults(
  given: { languages?: string[] | undefined; interpreterNeeded?: boolean | undefined },
  fromCase: TCaseLanguage | null,
): { languages: string[]; interpreterNeeded: boolean } {
  const languages = given.languages?.length ? given.languages : fromCase ? [fromCase.language] : [];
  return {
    languages,
    interpreterNeeded: given.interpreterNeeded ?? fromCase?.interpreterNeeded ?? false,
  };
}

import type { TKeyring } from '../crypto/keyring';
import { openColumns } from '../crypto/sealed-columns';
import type { TCaseRow } from './cases.repository';

export const caseSealed = { summary: 'summary_enc' } as const;

/** A case as the API shows it: plaintext summary for someone allowed to read it. */
export function caseView(keyring: TKeyring, row: TCaseRow) {
  const { summaryEnc, ...plain } = row;
  const { summary } = openColumns(keyring, 'cases', row.id, { summary: summaryEnc }, caseSealed);
  return { ...plain, summary };
}

export type TCaseView = ReturnType<typeof caseView>;

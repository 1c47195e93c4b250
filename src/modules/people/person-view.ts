import type { people } from '../../../db/schema/people';
import type { TKeyring } from '../crypto/keyring';
import { openColumns } from '../crypto/sealed-columns';

export type TPersonRow = typeof people.$inferSelect;

export const personSealed = {
  fullName: 'full_name_enc',
  alias: 'alias_enc',
  dateOfBirth: 'date_of_birth_enc',
  address: 'address_enc',
  phone: 'phone_enc',
  notes: 'notes_enc',
  employer: 'employer_enc',
} as const;

export function personView(keyring: TKeyring, row: TPersonRow) {
  const {
    fullNameEnc,
    aliasEnc,
    dateOfBirthEnc,
    addressEnc,
    phoneEnc,
    phoneHash: _hash,
    notesEnc,
    employerEnc,
    ...plain
  } = row;
  const open = openColumns(
    keyring,
    'people',
    row.id,
    {
      fullName: fullNameEnc,
      alias: aliasEnc,
      dateOfBirth: dateOfBirthEnc,
      address: addressEnc,
      phone: phoneEnc,
      notes: notesEnc,
      employer: employerEnc,
    },
    personSealed,
  );
  return { ...plain, ...open };
}

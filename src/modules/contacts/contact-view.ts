import type { contacts } from '../../../db/schema/contacts';
import type { TKeyring } from '../crypto/keyring';
import { openColumns } from '../crypto/sealed-columns';

export type TContactRow = typeof contacts.$inferSelect;

export const contactSealed = {
  callerPhone: 'caller_phone_enc',
  callerName: 'caller_name_enc',
  summary: 'summary_enc',
  safeCallbackWindow: 'safe_callback_window_enc',
  codeWord: 'code_word_enc',
} as const;

export function contactView(keyring: TKeyring, row: TContactRow) {
  const {
    callerPhoneEnc,
    callerPhoneHash: _hash,
    callerNameEnc,
    summaryEnc,
    safeCallbackWindowEnc,
    codeWordEnc,
    ...plain
  } = row;
  const open = openColumns(
    keyring,
    'contacts',
    row.id,
    {
      callerPhone: callerPhoneEnc,
      callerName: callerNameEnc,
      summary: summaryEnc,
      safeCallbackWindow: safeCallbackWindowEnc,
      codeWord: codeWordEnc,
    },
    contactSealed,
  );
  return { ...plain, ...open };
}

export type TContactView = ReturnType<typeof contactView>;

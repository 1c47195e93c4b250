/** A table's encrypted columns (SQL names) and the column whose value is the AAD row id. */
export type TEncryptedTable = { table: string; idColumn: string; columns: readonly string[] };

/**
 * Every encrypted column. The key-rotation job walks this list; a new encrypted column must be
 * added here or it stays on an old key forever (test/unit/crypto/encrypted-columns.test.ts scans
 * the schema for `*_enc` / `*_encrypted` columns and fails when one is missing).
 */
export const encryptedColumns: readonly TEncryptedTable[] = [
  { table: 'staff_users', idColumn: 'id', columns: ['totp_secret_enc', 'mobile_enc'] },
  { table: 'calls', idColumn: 'call_sid', columns: ['from_encrypted'] },
  // A number the caller keyed for their call-back (callbacks.service keepPlaceCallback).
  { table: 'callback_tasks', idColumn: 'id', columns: ['callback_number_enc'] },
  { table: 'cases', idColumn: 'id', columns: ['summary_enc'] },
  { table: 'case_notes', idColumn: 'id', columns: ['body_enc'] },
  { table: 'case_follow_ups', idColumn: 'id', columns: ['task_enc'] },
  { table: 'partner_units', idColumn: 'id', columns: ['webhook_secret_enc'] },
  { table: 'referrals', idColumn: 'id', columns: ['override_justification_enc'] },
  { table: 'referral_holds', idColumn: 'id', columns: ['override_justification_enc'] },
  // The AAD row id is the bigserial as text (ticket-actions.service.ts).
  { table: 'ticket_events', idColumn: 'id', columns: ['note_enc'] },
  {
    table: 'contacts',
    idColumn: 'id',
    columns: [
      'caller_phone_enc',
      'caller_name_enc',
      'summary_enc',
      'safe_callback_window_enc',
      'code_word_enc',
    ],
  },
  {
    table: 'people',
    idColumn: 'id',
    columns: [
      'full_name_enc',
      'alias_enc',
      'date_of_birth_enc',
      'address_enc',
      'phone_enc',
      'notes_enc',
      'employer_enc',
    ],
  },
  { table: 'contact_drafts', idColumn: 'id', columns: ['data_enc'] },
  { table: 'import_batches', idColumn: 'id', columns: ['file_enc'] },
  { table: 'chat_conversations', idColumn: 'id', columns: ['address_enc'] },
  { table: 'chat_messages', idColumn: 'id', columns: ['body_enc', 'attachments_enc'] },
  { table: 'chat_attachments', idColumn: 'id', columns: ['filename_enc', 'content_enc'] },
];

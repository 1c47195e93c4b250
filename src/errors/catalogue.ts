// Every error a client can see: one code, its HTTP status and a user-safe message.
// Internal detail goes to the log only, never into the response body.
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  UNKNOWN_CODE: {
    status: 400,
    message: 'A code is not in the reference data (or a subcategory is not of its category).',
  },
  UNAUTHENTICATED: { status: 401, message: 'Please sign in.' },
  SECOND_FACTOR_REQUIRED: { status: 401, message: 'A second factor is required.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The user name or password is wrong.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Your password was reset: choose a new one before anything else.',
  },
  CURRENT_PASSWORD_WRONG: { status: 400, message: 'The current password is wrong.' },
  PASSWORD_TOO_SHORT: {
    status: 400,
    message: 'The new password must have at least 12 characters.',
  },
  PASSWORD_TOO_COMMON: {
    status: 400,
    message: 'This password is on the list of common or breached passwords; choose another.',
  },
  PASSWORD_UNCHANGED: {
    status: 400,
    message: 'The new password must differ from the current one.',
  },
  TOTP_LOCKED: {
    status: 429,
    message: 'Too many wrong codes: sign-in with a second factor is paused for this account.',
  },
  ORIGIN_REFUSED: { status: 403, message: 'This request did not come from this application.' },
  TWILIO_SIGNATURE_MISSING: { status: 400, message: 'The request signature is missing.' },
  TWILIO_SIGNATURE_INVALID: { status: 403, message: 'The request signature is not valid.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  PASSKEY_NOT_VERIFIED: {
    status: 400,
    message: 'The passkey could not be verified; try again from this page.',
  },
  CHAT_CONVERSATION_NOT_FOUND: { status: 404, message: 'Chat not found.' },
  CHAT_ENDED: { status: 409, message: 'This chat has ended: nothing more can be sent.' },
  CHAT_STOPPED: {
    status: 409,
    message: 'The person typed a stop word: nothing may be sent to them any more.',
  },
  CHAT_NO_MESSAGES: {
    status: 409,
    message: 'This person is marked "no messages": they are never written to.',
  },
  CHAT_WINDOW_CLOSED: {
    status: 409,
    message:
      'More than 24 hours since their last WhatsApp message: only an approved template can be sent.',
  },
  CHAT_NOT_STARTED_BY_CONTACT: {
    status: 409,
    message: 'The person has not written in this conversation: Saiduan never writes first.',
  },
  CHAT_TEMPLATE_NOT_APPROVED: {
    status: 422,
    message: 'This template is not approved for this hotline.',
  },
  CHAT_ATTACHMENT_NOT_FOUND: { status: 404, message: 'Attachment not found.' },
  CHAT_ATTACHMENT_NOT_STORED: {
    status: 409,
    message: 'This file was not kept (refused or not fetched): there is nothing to download.',
  },
  CANNED_REPLY_NOT_FOUND: { status: 404, message: 'Canned reply not found.' },
  CHAT_NOT_HELD: {
    status: 409,
    message: 'Only the counsellor who holds this chat, while it is open, can transfer it.',
  },
  CHAT_TRANSFER_HOTLINE_NOT_SERVED: {
    status: 403,
    message: 'You can hand a chat only to a hotline you serve (or to its own hotline).',
  },
  CHAT_DELIVERY_FAILED: {
    status: 502,
    message: 'The message was kept but the chat provider did not take it; try again.',
  },
  CASE_NOT_FOUND: { status: 404, message: 'Case not found.' },
  PERSON_NOT_ON_CASE: { status: 422, message: 'This person is not on the case.' },
  SERVICE_NOT_OFFERED: {
    status: 422,
    message: 'This kind of partner does not offer this service (see the service catalogue).',
  },
  ORGANISATION_USES_SYSTEM: {
    status: 409,
    message: 'This organisation records its own services in the system.',
  },
  REFERRAL_NOT_FOUND: { status: 404, message: 'Referral not found.' },
  TICKET_NOT_FOUND: { status: 404, message: 'Ticket not found.' },
  HOLD_ALREADY_RELEASED: { status: 409, message: 'This referral was already sent.' },
  OVERRIDE_ONLY_FOR_CHILD: {
    status: 422,
    message: "A child's best interest can only be given as a reason for a child.",
  },
  MAGIC_LINK_INVALID: { status: 401, message: 'This link has expired or was already used.' },
  IMPORT_NOT_FOUND: { status: 404, message: 'Import not found.' },
  IMPORT_NOT_READY: {
    status: 409,
    message: 'This import cannot do that in its current state (check it first, or it was undone).',
  },
  IMPORT_UNDO_BLOCKED: {
    status: 409,
    message: 'Records added since depend on this import; undo those first.',
  },
  IMPORT_FILE_UNREADABLE: { status: 422, message: 'The file could not be read as CSV or XLSX.' },
  CONFLICT: { status: 409, message: 'The record was changed by someone else.' },
  FORM_VERSION_UNKNOWN: {
    status: 400,
    message: 'This form version does not exist for the hotline; reload the form.',
  },
  CLOSURE_REASON_REQUIRED: { status: 422, message: 'Say why the case is being closed.' },
  REOPEN_REASON_REQUIRED: { status: 422, message: 'Say why the case is being reopened.' },
  REASON_NOTE_REQUIRED: { status: 422, message: 'A reason of "other" needs a note.' },
  FOLLOW_UPS_OPEN: {
    status: 409,
    message: 'The case has open follow-ups; confirm that they are to be cancelled.',
  },
  FOLLOW_UP_NOT_FOUND: { status: 404, message: 'Follow-up not found.' },
  ASSIGNEE_NOT_ON_HOTLINE: {
    status: 422,
    message: "The follow-up must go to a counsellor of the case's hotline.",
  },
  BAD_DUE_DATE: { status: 422, message: 'The due date cannot be in the past.' },
  CALLER_NOT_WAITING: { status: 409, message: 'This caller is no longer waiting.' },
  COUNSELLOR_NOT_AVAILABLE: {
    status: 409,
    message: 'This counsellor is not available for a call right now.',
  },
  CALLBACK_TAKEN: { status: 409, message: 'Someone else has taken this call-back.' },
  CALLBACK_OUTSIDE_SAFE_TIME: {
    status: 409,
    message: 'The caller is not safe to call now: wait for their safe time.',
  },
  TELEPHONY_FAILED: { status: 502, message: 'The telephone system did not accept the request.' },
  INVALID_TRANSITION: { status: 409, message: 'This change is not allowed in the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  URI_TOO_LONG: { status: 414, message: 'The address is too long.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not supported.' },
  PIN_FORMAT: { status: 422, message: 'A PIN is 6 to 12 digits.' },
  PIN_TOO_SIMPLE: {
    status: 422,
    message: 'This PIN is too easy to guess (one digit repeated or a run).',
  },
  RECORDING_LINE_TAKEN: {
    status: 409,
    message: 'This number is already a recording line; change that one instead.',
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests; please wait a moment.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'The records database is not answering; please try again in a moment.',
  },
  STORE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type TErrorCode = keyof typeof errorCatalogue;

/** A domain error: thrown anywhere, turned into `{ error: { code, message } }` by the one handler. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: TErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: TErrorCode, options: { internal?: string; details?: unknown } = {}) {
    super(options.internal ?? errorCatalogue[code].message);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = options.details;
  }
}

export type TErrorBody = { error: { code: TErrorCode; message: string; details?: unknown } };

export function errorBody(code: TErrorCode, details?: unknown): TErrorBody {
  const body: TErrorBody = { error: { code, message: errorCatalogue[code].message } };
  if (details !== undefined) body.error.details = details;
  return body;
}

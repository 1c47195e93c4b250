/** Every failed request becomes an ApiError with the server's catalogue code (or NETWORK). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  get isNetwork(): boolean {
    return this.code === 'NETWORK';
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** The i18n key that explains an error to the user; server messages are English-only. */
export function errorKey(err: unknown): string {
  if (!(err instanceof ApiError)) return 'common:errors.UNKNOWN';
  return `common:errors.${err.code}`;
}
